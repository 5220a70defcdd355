"""Keeps where a float64 uniform exceeds p and builds the scaled mask in x's dtype."""
import numpy as np


def dropout_forward(x, p, rng, train=True):
    x = np.asarray(x)
    if train and p > 0:
        keep = rng.random(size=x.shape) >= p
        scale = (keep.astype(x.dtype) / x.dtype.type(1 - p))
        return x * scale, scale
    return x.copy(), np.ones_like(x)
