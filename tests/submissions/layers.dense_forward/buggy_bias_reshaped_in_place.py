"""Reshapes the caller's bias in place (b.shape = (1, M)), changing the input array."""
import numpy as np


def dense_forward(x, W, b):
    b.shape = (1, W.shape[0])
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache
