"""Counts the differences with np.count_nonzero and returns a float32 0-d array."""
import numpy as np


def accuracy(y_true, y_pred):
    wrong = np.count_nonzero(np.asarray(y_true, dtype=np.int64) - np.asarray(y_pred, dtype=np.int64))
    return np.array(1.0 - wrong / y_true.size, dtype=np.float32)
