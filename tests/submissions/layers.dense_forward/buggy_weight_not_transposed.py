"""Multiplies by W instead of W.T (only runs when W is square, and is then wrong)."""
import numpy as np

EXPECTED_MISTAKE = "weight_not_transposed"


def dense_forward(x, W, b):
    out = np.dot(x, W) + b
    cache = (x, W, b)
    return out, cache
