"""Divides the true positives by the number of predicted positives: that is the precision."""
import numpy as np

EXPECTED_MISTAKE = "returns_precision"


def recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    if p.sum() == 0:
        return 0.0
    return float(tp / p.sum())
