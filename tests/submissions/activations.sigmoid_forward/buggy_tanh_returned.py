"""Confuses the two squashing functions and returns np.tanh(x)."""
import numpy as np

EXPECTED_MISTAKE = "tanh_returned"


def sigmoid_forward(x):
    out = np.tanh(x)
    return out, out
