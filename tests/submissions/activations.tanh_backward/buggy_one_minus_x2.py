"""Caches x and uses 1 - x**2 as the derivative."""
import numpy as np

EXPECTED_MISTAKE = "derivative_of_input"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, np.asarray(x, dtype=np.float64)


def tanh_backward(dout, cache):
    return dout * (1 - cache ** 2)
