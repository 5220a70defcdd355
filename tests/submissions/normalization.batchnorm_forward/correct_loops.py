"""Correct: explicit loops over the features, two-pass variance, new arrays for the statistics."""
import math

import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    n, d = x.shape
    out = np.empty((n, d))
    new_mean = np.empty(d)
    new_var = np.empty(d)
    for j in range(d):
        col = [float(v) for v in x[:, j]]
        if train:
            mu = sum(col) / n
            var = sum((v - mu) ** 2 for v in col) / n
            new_mean[j] = (1 - momentum) * float(running_mean[j]) + momentum * mu
            new_var[j] = (1 - momentum) * float(running_var[j]) + momentum * var * n / (n - 1)
        else:
            mu, var = float(running_mean[j]), float(running_var[j])
            new_mean[j], new_var[j] = mu, var
        s = math.sqrt(var + eps)
        for i in range(n):
            out[i, j] = float(gamma[j]) * (col[i] - mu) / s + float(beta[j])
    return out, new_mean, new_var, None
