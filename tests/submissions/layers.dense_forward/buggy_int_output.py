"""Preallocates the output with dtype=int, so every value is truncated towards zero."""
import numpy as np


def dense_forward(x, W, b):
    N, M = x.shape[0], W.shape[0]
    out = np.zeros((N, M), dtype=int)
    for n in range(N):
        out[n] = W @ x[n] + b
    cache = (x, W, b)
    return out, cache
