"""Returns a percentage: multiplies the mean relative error by 100."""
import numpy as np

EXPECTED_MISTAKE = "percentage"


def mape(y_true, y_pred):
    eps = np.finfo(np.float64).eps
    return float(100 * np.mean(np.abs(y_true - y_pred) / np.maximum(np.abs(y_true), eps)))
