"""Divides by len(pred): only right for 1-d arrays."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_first_axis"


def mse(pred, target):
    return float(np.sum((pred - target) ** 2) / len(pred))
