"""Correct: float32 arithmetic, per-feature loops over the compact formula."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    x = x.astype(np.float32)
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    inv = (1 / np.sqrt(var + np.float32(eps))).astype(np.float32)
    x_hat = (x - mu) * inv
    n = x.shape[0]
    rm = (1 - momentum) * running_mean + momentum * mu
    rv = (1 - momentum) * running_var + momentum * var * (n / (n - 1))
    return (gamma * x_hat + beta).astype(np.float32), rm, rv, [x_hat, inv, np.float32(gamma)]


def batchnorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    dout = dout.astype(np.float32)
    n, d = dout.shape
    dx = np.empty((n, d), np.float32)
    for j in range(d):
        g = dout[:, j] * gamma[j]
        dx[:, j] = inv[j] * (g - g.mean() - x_hat[:, j] * np.mean(g * x_hat[:, j]))
    return dx, np.sum(dout * x_hat, axis=0), np.sum(dout, axis=0)
