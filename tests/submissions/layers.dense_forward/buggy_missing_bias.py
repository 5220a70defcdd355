"""Forgets to add the bias: out = x @ W.T."""
import numpy as np

EXPECTED_MISTAKE = "missing_bias"


def dense_forward(x, W, b):
    out = x @ W.T
    cache = (x, W, b)
    return out, cache
