"""Draws the keep mask with rng.binomial(1, 1 - p) and caches it with p."""
import numpy as np


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return np.array(x), (None, p)
    keep = rng.binomial(1, 1 - p, size=x.shape)
    return np.where(keep == 1, x / (1 - p), 0.0), (keep, p)
