"""Counts only strictly higher positives: tied (positive, negative) pairs count 0 instead of 1/2."""
import numpy as np

EXPECTED_MISTAKE = "ties_not_half"


def roc_auc(y_true, scores):
    t = np.asarray(y_true) == 1
    pos, neg = scores[t], scores[~t]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    return float(np.mean(pos[:, None] > neg[None, :]))
