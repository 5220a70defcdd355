"""Returns the output as a nested Python list (out.tolist()) instead of a numpy array."""
import numpy as np


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out.tolist(), cache
