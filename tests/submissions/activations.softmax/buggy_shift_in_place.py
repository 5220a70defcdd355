"""Subtracts the max in place (x -= max), which overwrites the caller's array."""
import numpy as np


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    x -= np.max(x, axis=axis, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)
