"""Forgets the square root: returns the mean squared error."""
import numpy as np

EXPECTED_MISTAKE = "mse_returned"


def rmse(y_true, y_pred):
    return float(np.mean((y_true - y_pred) ** 2))
