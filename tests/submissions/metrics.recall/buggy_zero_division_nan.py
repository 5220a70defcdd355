"""Divides by the number of positives without a check: nan when y_true holds no positive."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_nan"


def recall(y_true, y_pred):
    t = np.asarray(y_true, dtype=float)
    p = np.asarray(y_pred, dtype=float)
    with np.errstate(invalid="ignore"):
        return float(np.sum(t * p) / np.sum(t))
