"""Permutes the first N - 1 samples only: the last one always stays last."""
import numpy as np

EXPECTED_MISTAKE = "some_samples_never_move"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = np.append(rng.permutation(n - 1), n - 1) if shuffle and n > 0 else np.arange(n)
    return [(x[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, n, batch_size)]
