"""Scales dout in place and returns it."""
import numpy as np

EXPECTED_MISTAKE = "modifies_dout_or_cache"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out


def tanh_backward(dout, cache):
    dout *= 1 - cache ** 2
    return dout
