"""Divides by e.sum(axis) without keepdims: broadcasting fails, or is silently wrong on square inputs."""
import numpy as np

EXPECTED_MISTAKE = "sum_without_keepdims"


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / e.sum(axis=axis)
