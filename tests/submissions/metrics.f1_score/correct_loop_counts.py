"""Counts TP, FP, FN in a loop over the samples; returns a float32 0-d array."""
import numpy as np


def f1_score(y_true, y_pred):
    tp = fp = fn = 0
    for a, b in zip(y_true.tolist(), y_pred.tolist()):
        a, b = a == 1, b == 1
        tp += a and b
        fp += b and not a
        fn += a and not b
    denom = 2 * tp + fp + fn
    return np.array(2 * tp / denom if tp else 0.0, dtype=np.float32)
