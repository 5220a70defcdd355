"""Multiplies dout by the 0/1 mask without dividing by 1 - p."""
import numpy as np

EXPECTED_MISTAKE = "no_rescale"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), (None, p)
    keep = rng.random(x.shape) >= p
    return x * keep / (1 - p), (keep, p)


def dropout_backward(dout, cache):
    keep, p = cache
    if keep is None:
        return dout.copy()
    return dout * keep
