"""Computes dgamma as the plain sum of dout."""
import numpy as np

EXPECTED_MISTAKE = "dgamma_not_times_xhat"


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
    dgamma = dout.sum(axis=0)
    g = dout * gamma
    dx = (g - g.mean(axis=0) - x_hat * (g * x_hat).mean(axis=0)) / std
    return dx, dgamma, dbeta
