"""Computes 2 * sigmoid(x) - 1, which is tanh(x / 2): the sigmoid should get 2x."""
import numpy as np

EXPECTED_MISTAKE = "half_argument"


def tanh_forward(x):
    z = np.exp(-np.abs(x))
    s = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    out = 2 * s - 1
    return out, out
