"""Subtracts the bias instead of adding it."""
import numpy as np

EXPECTED_MISTAKE = "bias_subtracted"


def dense_forward(x, W, b):
    out = x @ W.T - b
    cache = (x, W, b)
    return out, cache
