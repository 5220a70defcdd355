"""Always normalises along the last axis, whatever axis is passed."""
import numpy as np

EXPECTED_MISTAKE = "axis_ignored"


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    shifted = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=-1, keepdims=True)
