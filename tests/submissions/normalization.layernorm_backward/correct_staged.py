"""Correct: the staged chain rule (dx_hat, dvar, dmean) per row, cache of the raw inputs."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta, (x, gamma, eps)


def layernorm_backward(dout, cache):
    x, gamma, eps = cache
    d = x.shape[1]
    mu = x.mean(axis=1, keepdims=True)
    xc = x - mu
    var = (xc ** 2).mean(axis=1, keepdims=True)
    inv = 1 / np.sqrt(var + eps)
    dx_hat = dout * gamma
    dvar = np.sum(dx_hat * xc, axis=1, keepdims=True) * -0.5 * inv ** 3
    dmu = -np.sum(dx_hat, axis=1, keepdims=True) * inv
    dx = dx_hat * inv + dvar * 2 * xc / d + dmu / d
    return dx, np.sum(dout * xc * inv, axis=0), np.sum(dout, axis=0)
