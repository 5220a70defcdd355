"""Swaps the normalised axis to the end, works on the last axis, and swaps back."""
import numpy as np


def softmax(x, axis=-1):
    x = np.array(x, dtype=np.float64)
    if x.size == 0:
        return x
    t = np.swapaxes(x, axis, -1)
    t = t - t.max(axis=-1)[..., np.newaxis]
    np.exp(t, out=t)
    t /= t.sum(axis=-1)[..., np.newaxis]
    return np.swapaxes(t, axis, -1)
