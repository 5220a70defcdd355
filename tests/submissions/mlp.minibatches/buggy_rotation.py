"""Rotates the data by a random offset instead of shuffling it."""
import numpy as np

EXPECTED_MISTAKE = "batch_order_only"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = np.roll(np.arange(n), int(rng.integers(0, max(n, 1)))) if shuffle else np.arange(n)
    return [(x[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, n, batch_size)]
