"""Divides each error by the prediction instead of the true value."""
import numpy as np

EXPECTED_MISTAKE = "divides_by_prediction"


def mape(y_true, y_pred):
    eps = np.finfo(np.float64).eps
    return float(np.mean(np.abs(y_true - y_pred) / np.maximum(np.abs(y_pred), eps)))
