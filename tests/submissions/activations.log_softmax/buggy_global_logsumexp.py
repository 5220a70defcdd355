"""Subtracts the log-sum-exp of the whole array instead of each slice's."""
import numpy as np

EXPECTED_MISTAKE = "global_normalisation"


def log_softmax(x, axis=-1):
    if x.size == 0:
        return np.zeros(x.shape)
    m = np.max(x)
    return x - (m + np.log(np.sum(np.exp(x - m))))
