"""Shuffles an index array with rng.shuffle and uses a while loop."""
import numpy as np


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = x.shape[0]
    order = np.arange(n)
    if shuffle:
        rng.shuffle(order)
    batches = []
    start = 0
    while start < n:
        take = order[start:min(start + batch_size, n)]
        batches.append((x[take], y[take]))
        start += batch_size
    return batches
