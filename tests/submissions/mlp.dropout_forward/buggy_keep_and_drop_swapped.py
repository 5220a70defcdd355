"""Keeps each entry with probability p (mask = rng.random < p) but scales by 1 / (1 - p)."""
import numpy as np

EXPECTED_MISTAKE = "keep_and_drop_swapped"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    mask = (rng.random(x.shape) < p) / (1 - p)
    return x * mask, mask
