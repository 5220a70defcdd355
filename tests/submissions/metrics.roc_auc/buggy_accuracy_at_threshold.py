"""Thresholds the scores at 0.5 and returns the accuracy of that classifier."""
import numpy as np

EXPECTED_MISTAKE = "accuracy_at_threshold"


def roc_auc(y_true, scores):
    t = np.asarray(y_true) == 1
    if t.all() or not t.any():
        return float("nan")
    return float(np.mean((scores >= 0.5) == t))
