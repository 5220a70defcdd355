"""Adds the sum of the bias vector to every output instead of b[j] to unit j."""
import numpy as np

EXPECTED_MISTAKE = "bias_summed"


def dense_forward(x, W, b):
    out = x @ W.T + np.sum(b)
    cache = (x, W, b)
    return out, cache
