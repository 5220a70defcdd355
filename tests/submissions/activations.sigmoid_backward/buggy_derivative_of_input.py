"""Caches x and uses x * (1 - x) as the derivative, as if x were the sigmoid output."""
import numpy as np

EXPECTED_MISTAKE = "derivative_of_input"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, x


def sigmoid_backward(dout, cache):
    x = cache
    return dout * x * (1 - x)
