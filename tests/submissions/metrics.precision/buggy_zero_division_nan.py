"""Divides without checking the denominator: nan when nothing is predicted positive."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_nan"


def precision(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float64)
    p = np.asarray(y_pred, dtype=np.float64)
    tp = np.sum(t * p)
    with np.errstate(invalid="ignore"):
        return float(tp / np.sum(p))
