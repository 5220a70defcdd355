"""Writes the harmonic mean as P R / (P + R), forgetting the factor 2."""
import numpy as np

EXPECTED_MISTAKE = "missing_factor_two"


def f1_score(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    if tp == 0:
        return 0.0
    prec = tp / p.sum()
    rec = tp / t.sum()
    return float(prec * rec / (prec + rec))
