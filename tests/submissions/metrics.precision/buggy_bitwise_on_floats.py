"""Uses & and ~ on the raw arrays: fine for bool, wrong for ints (~1 == -2) and a TypeError for floats."""
import numpy as np


def precision(y_true, y_pred):
    tp = np.sum(y_true & y_pred)
    fp = np.sum(~y_true & y_pred)
    if tp + fp == 0:
        return 0.0
    return float(tp / (tp + fp))
