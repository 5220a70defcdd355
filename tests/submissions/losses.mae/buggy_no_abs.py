"""Averages the signed residuals: errors of opposite sign cancel."""
import numpy as np

EXPECTED_MISTAKE = "abs_missing"


def mae(pred, target):
    return float(np.mean(pred - target))
