"""Draws N indices with replacement (rng.integers)."""
import numpy as np

EXPECTED_MISTAKE = "sampled_with_replacement"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = rng.integers(0, n, size=n) if shuffle else np.arange(n)
    return [(x[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, n, batch_size)]
