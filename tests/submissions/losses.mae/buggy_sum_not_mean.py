"""Sums the absolute residuals."""
import numpy as np

EXPECTED_MISTAKE = "sum_not_mean"


def mae(pred, target):
    return float(np.sum(np.abs(pred - target)))
