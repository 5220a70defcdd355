"""Takes the batch size from the wrong axis (n = dout.shape[1]) in the staged backward: right only when N == D."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    n = x.shape[0]
    mu = x.mean(axis=0)
    var = x.var(axis=0)
    out = gamma * (x - mu) / np.sqrt(var + eps) + beta
    rm = (1 - momentum) * running_mean + momentum * mu
    rv = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    return out, rm, rv, (x, mu, var, gamma, eps)


def batchnorm_backward(dout, cache):
    x, mu, var, gamma, eps = cache
    n = dout.shape[1]
    xc = x - mu
    inv = 1.0 / np.sqrt(var + eps)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * xc, axis=0) * -0.5 * inv ** 3
    dmu = -np.sum(dx_hat, axis=0) * inv
    dx = dx_hat * inv + dvar * 2.0 * xc / n + dmu / n
    return dx, np.sum(dout * xc * inv, axis=0), np.sum(dout, axis=0)
