"""Mann-Whitney U with average ranks from np.unique (return_inverse, return_counts)."""
import numpy as np


def roc_auc(y_true, scores):
    t = np.asarray(y_true).astype(bool)
    P, Q = int(t.sum()), int((~t).sum())
    if P == 0 or Q == 0:
        return float("nan")
    _, inverse, counts = np.unique(np.asarray(scores), return_inverse=True, return_counts=True)
    upper = np.cumsum(counts)                  # highest rank of each distinct value
    average = upper - (counts - 1) / 2.0       # mean rank of each tie group
    ranks = average[inverse]
    return float((ranks[t].sum() - P * (P + 1) / 2.0) / (P * Q))
