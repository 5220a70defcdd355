"""Multiplies dout by the cached output instead of by the 0/1 mask."""
import numpy as np

EXPECTED_MISTAKE = "multiplied_by_output"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, out


def relu_backward(dout, cache):
    return dout * cache
