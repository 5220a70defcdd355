"""Squares the mean residual instead of averaging the squares."""
import numpy as np

EXPECTED_MISTAKE = "mean_then_square"


def mse(pred, target):
    return float(np.mean(pred - target) ** 2)
