"""Multiplies dout in place and returns it, overwriting the caller's gradient."""
import numpy as np

EXPECTED_MISTAKE = "modifies_dout_or_cache"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out


def sigmoid_backward(dout, cache):
    dout *= cache * (1 - cache)
    return dout
