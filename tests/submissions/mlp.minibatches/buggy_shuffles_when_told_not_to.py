"""Shuffles even with shuffle=False."""
import numpy as np

EXPECTED_MISTAKE = "shuffles_when_told_not_to"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = rng.permutation(n)
    return [(x[idx[s:s + batch_size]], y[idx[s:s + batch_size]]) for s in range(0, n, batch_size)]
