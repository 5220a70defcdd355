"""Sums the per-entry losses."""
import numpy as np

EXPECTED_MISTAKE = "sum_not_mean"


def huber(pred, target, delta=1.0):
    r = pred - target
    a = np.abs(r)
    return float(np.sum(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))
