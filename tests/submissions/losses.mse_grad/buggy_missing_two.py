"""Forgets the factor 2 of the derivative of the square."""
import numpy as np

EXPECTED_MISTAKE = "grad_missing_factor_two"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return (pred - target) / pred.size
