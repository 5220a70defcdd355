"""Accumulates the ROC curve in the input order, forgetting to sort the samples by score."""
import numpy as np

EXPECTED_MISTAKE = "unsorted_trapezoid"


def roc_auc(y_true, scores):
    t = (np.asarray(y_true) == 1).astype(float)
    if t.sum() == 0 or t.sum() == t.size:
        return float("nan")
    tpr = np.concatenate([[0.0], np.cumsum(t) / t.sum()])
    fpr = np.concatenate([[0.0], np.cumsum(1 - t) / (1 - t).sum()])
    return float(np.trapezoid(tpr, fpr))
