"""Caches the output but applies the sigmoid to it again in the backward pass."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_applied_to_cache"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out


def sigmoid_backward(dout, cache):
    s = 1 / (1 + np.exp(-cache))
    return dout * s * (1 - s)
