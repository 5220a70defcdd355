"""Splits the permuted arrays at multiples of batch_size with np.split."""
import numpy as np


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    perm = rng.permutation(n) if shuffle else np.arange(n)
    xs, ys = x[perm], y[perm]
    cuts = list(range(batch_size, n, batch_size))
    return list(zip(np.split(xs, cuts), np.split(ys, cuts))) if n else []
