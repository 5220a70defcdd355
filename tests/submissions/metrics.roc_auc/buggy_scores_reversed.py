"""Builds the ROC curve going through the scores in increasing order: gives 1 - AUC."""
import numpy as np

EXPECTED_MISTAKE = "scores_reversed"


def roc_auc(y_true, scores):
    t = (np.asarray(y_true) == 1).astype(float)
    P, Q = t.sum(), (1 - t).sum()
    if P == 0 or Q == 0:
        return float("nan")
    s = np.asarray(scores, dtype=float)
    thresholds = np.unique(s)  # increasing: the wrong direction
    tpr, fpr = [0.0], [0.0]
    for th in thresholds:
        pred = s <= th
        tpr.append(np.sum(pred * t) / P)
        fpr.append(np.sum(pred * (1 - t)) / Q)
    tpr, fpr = np.array(tpr), np.array(fpr)
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))
