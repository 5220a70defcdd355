"""Drops with probability p but divides the kept entries by p."""
import numpy as np

EXPECTED_MISTAKE = "rescale_by_p"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    mask = (rng.random(x.shape) >= p) / p
    return x * mask, mask
