"""Visits every entry with np.ndindex and copies dout where x > 0."""
import numpy as np


def relu_forward(x):
    out = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        out[i] = x[i] if x[i] > 0 else 0.0
    return out, x.copy()


def relu_backward(dout, cache):
    dx = np.zeros(cache.shape)
    for i in np.ndindex(cache.shape):
        if cache[i] > 0:
            dx[i] = dout[i]
    return dx
