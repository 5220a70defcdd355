"""The ROC curve over the distinct thresholds in decreasing order (ties move diagonally), trapezoids."""
import numpy as np


def roc_auc(y_true, scores):
    t = np.asarray(y_true, dtype=np.float64) > 0.5
    s = np.asarray(scores, dtype=np.float64)
    P, Q = t.sum(), (~t).sum()
    if P == 0 or Q == 0:
        return float("nan")
    order = np.argsort(-s, kind="stable")
    s, t = s[order], t[order]
    last = np.r_[s[1:] != s[:-1], True]        # the end of each group of tied scores
    tps = np.cumsum(t)[last]
    fps = np.cumsum(~t)[last]
    tpr = np.r_[0.0, tps / P]
    fpr = np.r_[0.0, fps / Q]
    return float(np.sum(np.diff(fpr) * (tpr[1:] + tpr[:-1]) / 2))
