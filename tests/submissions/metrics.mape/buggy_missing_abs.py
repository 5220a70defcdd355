"""Takes |error| but divides by the signed true value: negative targets give negative terms."""
import numpy as np

EXPECTED_MISTAKE = "missing_abs"


def mape(y_true, y_pred):
    eps = np.finfo(np.float64).eps
    den = np.where(y_true == 0, eps, y_true)
    return float(np.mean(np.abs(y_true - y_pred) / den))
