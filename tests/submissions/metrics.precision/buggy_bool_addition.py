"""Finds true positives with y_true + y_pred == 2: on two bool arrays + is a logical or."""
import numpy as np

EXPECTED_MISTAKE = "bool_addition_is_or"


def precision(y_true, y_pred):
    tp = np.sum(y_true + y_pred == 2)
    predicted = np.sum(y_pred == 1)
    if predicted == 0:
        return 0.0
    return float(tp / predicted)
