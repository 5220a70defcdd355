"""Plain division by |y_true|: a zero true value gives inf (or nan when the prediction is 0 too)."""
import numpy as np

EXPECTED_MISTAKE = "zeros_not_handled"


def mape(y_true, y_pred):
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.mean(np.abs(y_true - y_pred) / np.abs(y_true)))
