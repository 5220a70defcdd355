"""Squeezes the input first "to accept (1, C) rows": size-1 axes disappear, so the shape and the axis change."""
import numpy as np


def softmax(x, axis=-1):
    x = np.squeeze(x)
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
