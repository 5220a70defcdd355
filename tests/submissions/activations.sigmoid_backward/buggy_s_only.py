"""Multiplies dout by s instead of s * (1 - s)."""
import numpy as np

EXPECTED_MISTAKE = "derivative_s_only"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out


def sigmoid_backward(dout, cache):
    return dout * cache
