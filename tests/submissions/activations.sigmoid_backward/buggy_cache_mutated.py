"""Turns the cached output into the derivative in place: a second backward call gets garbage."""
import numpy as np

EXPECTED_MISTAKE = "modifies_dout_or_cache"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out.copy()


def sigmoid_backward(dout, cache):
    s = cache
    s *= 1 - s
    return dout * s
