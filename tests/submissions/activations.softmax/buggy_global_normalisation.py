"""Divides by the sum of the exponentials over the whole array instead of along the axis."""
import numpy as np

EXPECTED_MISTAKE = "global_normalisation"


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e)
