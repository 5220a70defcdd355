"""Sorts both label arrays before comparing them: only the class counts matter then."""
import numpy as np

EXPECTED_MISTAKE = "sorted_before_comparing"


def accuracy(y_true, y_pred):
    a = np.sort(y_true)
    b = np.sort(y_pred)
    return float(np.mean(a == b))
