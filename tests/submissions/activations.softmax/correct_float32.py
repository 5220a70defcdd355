"""Subtracts the max in the input precision, then exponentiates and normalises in float32; returns float32."""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x)
    if x.size == 0:
        return np.zeros(x.shape, dtype=np.float32)
    shifted = (x - np.max(x, axis=axis, keepdims=True)).astype(np.float32)
    e = np.exp(shifted)
    return (e / np.sum(e, axis=axis, keepdims=True, dtype=np.float32)).astype(np.float32)
