"""Mann-Whitney rank formula with ranks from argsort(argsort(s)): tied scores get different ranks."""
import numpy as np

EXPECTED_MISTAKE = "ranks_not_tie_averaged"


def roc_auc(y_true, scores):
    t = np.asarray(y_true) == 1
    P, Q = int(t.sum()), int((~t).sum())
    if P == 0 or Q == 0:
        return float("nan")
    ranks = np.argsort(np.argsort(scores, kind="stable"), kind="stable") + 1
    return float((ranks[t].sum() - P * (P + 1) / 2) / (P * Q))
