"""Returns the log-softmax (x - logsumexp) instead of the softmax probabilities."""
import numpy as np

EXPECTED_MISTAKE = "log_softmax_returned"


def softmax(x, axis=-1):
    if x.size == 0:
        return np.array(x, dtype=np.float64)
    m = np.max(x, axis=axis, keepdims=True)
    shifted = x - m
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
