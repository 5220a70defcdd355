"""Divides by len(pred)."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_first_axis"


def mae(pred, target):
    return float(np.abs(pred - target).sum() / len(pred))
