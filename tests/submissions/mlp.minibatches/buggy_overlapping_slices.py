"""Slices batch_size + 1 samples per batch (an off-by-one end)."""
import numpy as np

EXPECTED_MISTAKE = "batches_overlap"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = rng.permutation(n) if shuffle else np.arange(n)
    return [(x[idx[s:s + batch_size + 1]], y[idx[s:s + batch_size + 1]]) for s in range(0, n, batch_size)]
