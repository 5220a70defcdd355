"""Uses np.logaddexp.reduce along the axis as the log-sum-exp."""
import numpy as np


def log_softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return x.copy()
    return x - np.logaddexp.reduce(x, axis=axis, keepdims=True)
