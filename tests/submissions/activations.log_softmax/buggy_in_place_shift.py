"""Subtracts the max in place (x -= max), which overwrites the caller's array."""
import numpy as np

EXPECTED_MISTAKE = "modifies_input"


def log_softmax(x, axis=-1):
    if x.size == 0:
        return np.zeros(x.shape)
    x -= np.max(x, axis=axis, keepdims=True)
    return x - np.log(np.sum(np.exp(x), axis=axis, keepdims=True))
