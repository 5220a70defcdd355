"""Multiplies x by the mask in place and returns it."""
import numpy as np

EXPECTED_MISTAKE = "in_place"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x, None
    mask = (rng.random(x.shape) >= p) / (1 - p)
    x *= mask.astype(x.dtype)
    return x, mask
