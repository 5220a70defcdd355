"""Correct: computes in the input dtype (float32 stays float32), np.var and ddof for the running variance."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    if train:
        mu = np.mean(x, axis=0)
        var = np.var(x, axis=0)
        inv = 1 / np.sqrt(var + eps)
        out = (x - mu) * (inv * gamma) + beta
        rm = running_mean + momentum * (mu - running_mean)
        rv = running_var + momentum * (np.var(x, axis=0, ddof=1) - running_var)
        return out, rm, rv, (x, mu, inv, gamma)
    inv = 1 / np.sqrt(running_var + eps)
    out = (x - running_mean) * (inv * gamma) + beta
    return out, np.array(running_mean), np.array(running_var), None
