"""2 * sigmoid(2x) - 1 with a stable two-branch sigmoid, in float64."""
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def tanh_forward(x):
    x = np.asarray(x, dtype=np.float64)
    out = 2 * _sigmoid(2 * x) - 1
    return out, out
