"""Cuts the data into batches in order and shuffles the list of batches."""
import numpy as np

EXPECTED_MISTAKE = "batch_order_only"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    batches = [(x[s:s + batch_size], y[s:s + batch_size]) for s in range(0, n, batch_size)]
    if shuffle:
        order = rng.permutation(len(batches))
        batches = [batches[k] for k in order]
    return batches
