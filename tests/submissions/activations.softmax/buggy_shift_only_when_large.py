"""Skips the max shift when all |x| <= 700 (safe for float64 only): float32 logits of ~100 overflow to nan."""
import numpy as np


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    if np.max(np.abs(x)) > 700:
        x = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)
