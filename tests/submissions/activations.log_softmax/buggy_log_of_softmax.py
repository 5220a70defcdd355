"""Takes the log of a stable softmax: probabilities that underflow to 0 give -inf."""
import numpy as np

EXPECTED_MISTAKE = "log_of_softmax"


def log_softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return np.log(e / np.sum(e, axis=axis, keepdims=True))
