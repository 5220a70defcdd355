"""Calls np.squeeze on the output, which drops the batch axis when N == 1."""
import numpy as np

EXPECTED_MISTAKE = "batch_squeezed"


def dense_forward(x, W, b):
    out = np.squeeze(x @ W.T + b)
    cache = (x, W, b)
    return out, cache
