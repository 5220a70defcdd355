"""Always normalises along the last axis, whatever axis is passed."""
import numpy as np

EXPECTED_MISTAKE = "axis_ignored"


def log_softmax(x, axis=-1):
    shifted = x - np.max(x, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))
