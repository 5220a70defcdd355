"""Squares the residuals (that is the MSE)."""
import numpy as np

EXPECTED_MISTAKE = "squared_not_absolute"


def mae(pred, target):
    return float(np.mean((pred - target) ** 2))
