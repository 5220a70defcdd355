"""Drops the 1 + from the denominator: 1 / exp(-x)."""
import numpy as np

EXPECTED_MISTAKE = "one_missing_in_denominator"


def sigmoid_forward(x):
    out = 1.0 / np.exp(-np.asarray(x, dtype=np.float64))
    return out, out
