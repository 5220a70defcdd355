"""Subtracts the global max of the array: slices far below it underflow to 0/0 = nan."""
import numpy as np

EXPECTED_MISTAKE = "global_max_shift"


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    e = np.exp(x - np.max(x))
    return e / np.sum(e, axis=axis, keepdims=True)
