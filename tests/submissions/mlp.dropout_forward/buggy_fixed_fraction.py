"""Drops exactly round(p * n) entries chosen at random (not independent decisions)."""
import numpy as np

EXPECTED_MISTAKE = "fixed_number_dropped"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    n = x.size
    mask = np.ones(n)
    mask[rng.permutation(n)[: int(round(p * n))]] = 0.0
    mask = mask.reshape(x.shape) / (1 - p)
    return x * mask, mask
