"""Uses N - 1 in the mean terms of dx (mixing up with the unbiased variance)."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    running_mean = (1 - momentum) * running_mean + momentum * mu
    running_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    return gamma * x_hat + beta, running_mean, running_var, (x_hat, std, gamma)


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    g = dout * gamma
    n = dout.shape[0]
    dx = (g - g.sum(axis=0) / (n - 1) - x_hat * (g * x_hat).sum(axis=0) / (n - 1)) / std
    return dx, dgamma, dbeta
