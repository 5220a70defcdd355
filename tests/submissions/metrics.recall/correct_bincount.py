"""Confusion counts from np.bincount of 2 * truth + prediction, in a loop-free way."""
import numpy as np


def recall(y_true, y_pred):
    code = 2 * np.asarray(y_true, dtype=np.int64) + np.asarray(y_pred, dtype=np.int64)
    tn, fp, fn, tp = np.bincount(code, minlength=4)
    return float(tp) / float(tp + fn) if tp + fn else 0.0
