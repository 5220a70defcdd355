"""Shuffles x and y in place with the same random state."""
import numpy as np

EXPECTED_MISTAKE = "in_place_shuffle"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    if shuffle:
        state = rng.bit_generator.state
        rng.shuffle(x)
        rng.bit_generator.state = state
        rng.shuffle(y)
    return [(x[s:s + batch_size], y[s:s + batch_size]) for s in range(0, n, batch_size)]
