"""Returns the softmax probabilities instead of their logarithm."""
import numpy as np

EXPECTED_MISTAKE = "softmax_returned"


def log_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
