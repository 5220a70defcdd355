"""Caches x and computes the slope as 1 / cosh(x)**2 (cosh overflows harmlessly to inf)."""
import numpy as np


def tanh_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return np.tanh(x), x


def tanh_backward(dout, cache):
    with np.errstate(over="ignore"):
        c = np.cosh(cache)
    return dout / (c * c)
