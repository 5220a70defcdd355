"""Caches the output and masks with out > 0 (the same entries as x > 0)."""
import numpy as np


def relu_forward(x):
    out = np.maximum(x, 0)
    return out, out


def relu_backward(dout, cache):
    return np.where(cache > 0, dout, np.zeros_like(dout))
