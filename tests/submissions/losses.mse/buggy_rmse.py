"""Returns the root of the mean squared error (RMSE)."""
import numpy as np

EXPECTED_MISTAKE = "rmse_returned"


def mse(pred, target):
    return float(np.sqrt(np.mean((pred - target) ** 2)))
