"""Divides by len(pred): only right for 1-d arrays."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_first_axis"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return 2.0 * (pred - target) / len(pred)
