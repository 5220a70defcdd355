"""Caches the already scaled float mask (ones in evaluation mode)."""
import numpy as np


def dropout_forward(x, p, rng, train=True):
    if train and p > 0:
        mask = (rng.uniform(0.0, 1.0, size=x.shape) >= p) * (1.0 / (1.0 - p))
    else:
        mask = np.ones(x.shape)
    return x * mask, mask


def dropout_backward(dout, cache):
    return dout * cache
