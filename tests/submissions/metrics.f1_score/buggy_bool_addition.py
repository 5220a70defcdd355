"""Counts true positives as y_true + y_pred == 2: on two bool arrays + is a logical or."""
import numpy as np

EXPECTED_MISTAKE = "bool_addition_is_or"


def f1_score(y_true, y_pred):
    tp = np.sum(y_true + y_pred == 2)
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    if tp == 0:
        return 0.0
    return float(2 * tp / (2 * tp + fp + fn))
