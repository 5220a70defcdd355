"""Casts the scores to float16 to save memory: close scores merge into ties (and 1e4-sized ones overflow)."""
import numpy as np


def roc_auc(y_true, scores):
    t = np.asarray(y_true) == 1
    s = np.asarray(scores).astype(np.float16)
    pos, neg = s[t], s[~t]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))
