"""Finds true positives with y_true + y_pred == 2: on two bool arrays + is a logical or."""
import numpy as np

EXPECTED_MISTAKE = "bool_addition_is_or"


def recall(y_true, y_pred):
    tp = np.sum(y_true + y_pred == 2)
    positives = np.sum(y_true == 1)
    return float(tp / positives) if positives else 0.0
