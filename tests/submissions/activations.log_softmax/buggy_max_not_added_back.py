"""Shifts by the max inside the log-sum-exp but forgets to add it back: off by the max."""
import numpy as np

EXPECTED_MISTAKE = "max_not_added_back"


def log_softmax(x, axis=-1):
    m = np.max(x, axis=axis, keepdims=True)
    lse = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    return x - lse
