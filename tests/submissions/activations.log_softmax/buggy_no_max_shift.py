"""Computes x - log(sum(exp(x))) without shifting: exp overflows to inf for large logits."""
import numpy as np

EXPECTED_MISTAKE = "no_max_shift"


def log_softmax(x, axis=-1):
    return x - np.log(np.sum(np.exp(x), axis=axis, keepdims=True))
