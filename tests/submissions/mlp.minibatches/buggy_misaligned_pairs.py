"""Shuffles x and y with two different permutations."""
import numpy as np

EXPECTED_MISTAKE = "misaligned_pairs"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    if shuffle:
        xs, ys = x[rng.permutation(n)], y[rng.permutation(n)]
    else:
        xs, ys = x, y
    return [(xs[s:s + batch_size], ys[s:s + batch_size]) for s in range(0, n, batch_size)]
