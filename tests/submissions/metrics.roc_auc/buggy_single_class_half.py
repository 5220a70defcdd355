"""Correct pair counting, but returns 0.5 (a 'random classifier') when only one class is present."""
import numpy as np

EXPECTED_MISTAKE = "single_class_not_nan"


def roc_auc(y_true, scores):
    t = np.asarray(y_true) == 1
    pos, neg = scores[t], scores[~t]
    if len(pos) == 0 or len(neg) == 0:
        return 0.5
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))
