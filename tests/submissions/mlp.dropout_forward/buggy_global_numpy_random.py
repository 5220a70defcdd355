"""Draws the mask from np.random.rand instead of rng."""
import numpy as np

EXPECTED_MISTAKE = "global_numpy_random"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    mask = (np.random.rand(*x.shape) >= p) / (1 - p)
    return x * mask, mask
