"""Never shuffles, whatever shuffle says."""
import numpy as np

EXPECTED_MISTAKE = "shuffle_ignored"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    return [(x[s:s + batch_size], y[s:s + batch_size]) for s in range(0, n, batch_size)]
