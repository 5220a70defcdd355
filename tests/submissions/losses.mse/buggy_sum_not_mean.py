"""Sums the squared residuals instead of averaging them."""
import numpy as np

EXPECTED_MISTAKE = "sum_not_mean"


def mse(pred, target):
    return float(np.sum((pred - target) ** 2))
