"""Drops entries but does not divide the kept ones by 1 - p."""
import numpy as np

EXPECTED_MISTAKE = "no_rescale"


def dropout_forward(x, p, rng, train=True):
    if not train:
        return x.copy(), None
    mask = rng.random(x.shape) >= p
    return x * mask, mask
