"""Multiplies dout by the mask in place."""
import numpy as np


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), (None, p)
    keep = rng.random(x.shape) >= p
    return x * keep / (1 - p), (keep, p)


def dropout_backward(dout, cache):
    keep, p = cache
    if keep is None:
        return dout
    dout *= (keep / (1 - p)).astype(dout.dtype)
    return dout
