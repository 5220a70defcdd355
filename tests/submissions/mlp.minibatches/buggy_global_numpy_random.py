"""Shuffles with np.random.permutation instead of rng."""
import numpy as np

EXPECTED_MISTAKE = "global_numpy_random"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = np.random.permutation(n) if shuffle else np.arange(n)
    return [(x[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, n, batch_size)]
