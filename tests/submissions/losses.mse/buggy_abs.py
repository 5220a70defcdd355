"""Averages absolute residuals (the MAE) instead of squared ones."""
import numpy as np

EXPECTED_MISTAKE = "abs_not_squared"


def mse(pred, target):
    return float(np.mean(np.abs(pred - target)))
