"""Harmonic mean of precision and recall, guarding every division."""
import numpy as np


def f1_score(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    tp = float(np.count_nonzero(t & p))
    prec = tp / np.count_nonzero(p) if np.count_nonzero(p) else 0.0
    rec = tp / np.count_nonzero(t) if np.count_nonzero(t) else 0.0
    if prec + rec == 0:
        return 0.0
    return 2 * prec * rec / (prec + rec)
