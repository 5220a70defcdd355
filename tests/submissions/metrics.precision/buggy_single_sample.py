"""Squeezes the inputs and loops over them: a 1-sample array becomes a 0-d array and the loop fails."""
import numpy as np


def precision(y_true, y_pred):
    t = np.squeeze(np.asarray(y_true) == 1)
    p = np.squeeze(np.asarray(y_pred) == 1)
    tp = fp = 0
    for a, b in zip(t, p):
        tp += int(a and b)
        fp += int(b and not a)
    return tp / (tp + fp) if tp + fp else 0.0
