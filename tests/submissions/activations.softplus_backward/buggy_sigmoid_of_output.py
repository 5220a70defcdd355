"""Caches the output and takes the sigmoid of it instead of the sigmoid of x."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_of_output"


def _sigmoid(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + z), z / (1 + z))


def softplus_forward(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
    return out, out


def softplus_backward(dout, cache):
    return dout * _sigmoid(cache)
