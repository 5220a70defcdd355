"""Harmonic mean 2PR / (P + R) of safely computed P and R, without a check: 0/0 = nan when TP == 0."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_nan"


def f1_score(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tp = np.sum(t & p)
    prec = tp / p.sum() if p.sum() else 0.0
    rec = tp / t.sum() if t.sum() else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.float64(2 * prec * rec) / np.float64(prec + rec))
