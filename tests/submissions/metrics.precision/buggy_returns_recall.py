"""Divides the true positives by TP + FN (the actual positives): that is the recall."""
import numpy as np

EXPECTED_MISTAKE = "returns_recall"


def precision(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    fn = np.sum(t & ~p)
    if tp + fn == 0:
        return 0.0
    return float(tp / (tp + fn))
