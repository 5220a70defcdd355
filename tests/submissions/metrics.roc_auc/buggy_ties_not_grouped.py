"""Sorts by decreasing score but steps the ROC curve one sample at a time, even through ties."""
import numpy as np

EXPECTED_MISTAKE = "ties_not_grouped"


def roc_auc(y_true, scores):
    t = (np.asarray(y_true) == 1).astype(float)
    if t.sum() == 0 or t.sum() == t.size:
        return float("nan")
    order = np.argsort(-scores, kind="stable")
    ts = t[order]
    tpr = np.concatenate([[0.0], np.cumsum(ts) / ts.sum()])
    fpr = np.concatenate([[0.0], np.cumsum(1 - ts) / (1 - ts).sum()])
    return float(np.trapezoid(tpr, fpr))
