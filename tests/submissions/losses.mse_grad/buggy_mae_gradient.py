"""Returns the slope of the absolute error, sign(pred - target) / size, for the squared error."""
import numpy as np

EXPECTED_MISTAKE = "mae_gradient_returned"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return np.sign(np.asarray(pred, dtype=np.float64) - target) / np.size(pred)
