"""Divides by N after the square root: sqrt(sum(e**2)) / N."""
import numpy as np

EXPECTED_MISTAKE = "divided_after_root"


def rmse(y_true, y_pred):
    e = np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)
    return float(np.sqrt(np.sum(e * e)) / len(e))
