"""Keeps the generator in the cache and draws a new mask in the backward pass."""
import numpy as np

EXPECTED_MISTAKE = "mask_not_reused"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    keep = rng.random(x.shape) >= p
    return x * keep / (1 - p), (rng, p)


def dropout_backward(dout, cache):
    if cache is None:
        return dout.copy()
    rng, p = cache
    keep = rng.random(dout.shape) >= p
    return dout * keep / (1 - p)
