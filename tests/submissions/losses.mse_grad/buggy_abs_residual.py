"""Takes the absolute value of the residual, losing its sign: 2 |pred - target| / size."""
import numpy as np

EXPECTED_MISTAKE = "abs_residual"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return 2 * np.abs(np.asarray(pred, dtype=np.float64) - target) / np.size(pred)
