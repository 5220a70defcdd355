"""Picks ONE formula for the whole array from its minimum: nan for mixed arrays with large
positives, and np.min fails on an empty array."""
import numpy as np


def sigmoid_forward(x):
    if np.min(x) >= 0:
        out = 1 / (1 + np.exp(-x))
    else:
        e = np.exp(x)
        out = e / (1 + e)
    return out, out
