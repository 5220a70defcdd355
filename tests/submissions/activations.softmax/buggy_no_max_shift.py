"""Exponentiates the raw logits without subtracting the max: overflows to inf/nan for big logits."""
import numpy as np

EXPECTED_MISTAKE = "no_max_shift"


def softmax(x, axis=-1):
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)
