"""Negates x in place to compute exp(-x), which changes the caller's array."""
import numpy as np

EXPECTED_MISTAKE = "modifies_input"


def sigmoid_forward(x):
    np.negative(x, out=x)
    out = 1.0 / (1.0 + np.exp(np.minimum(x, 700.0)))
    return out, out
