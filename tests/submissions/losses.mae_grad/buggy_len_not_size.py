"""Divides by len(pred)."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_first_axis"


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    return np.sign(pred - target) / len(pred)
