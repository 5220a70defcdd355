"""Forgets to divide by the number of entries."""
import numpy as np

EXPECTED_MISTAKE = "grad_not_divided_by_size"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return 2.0 * (pred - target)
