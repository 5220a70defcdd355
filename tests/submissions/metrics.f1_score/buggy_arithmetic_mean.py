"""Averages precision and recall arithmetically instead of harmonically."""
import numpy as np

EXPECTED_MISTAKE = "arithmetic_mean"


def f1_score(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    prec = tp / p.sum() if p.sum() else 0.0
    rec = tp / t.sum() if t.sum() else 0.0
    return float((prec + rec) / 2)
