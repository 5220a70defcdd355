"""Zeroes dout in place where x <= 0 and returns it (dout[x <= 0] = 0)."""
import numpy as np

EXPECTED_MISTAKE = "modifies_dout_or_cache"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    dout[cache <= 0] = 0
    return dout
