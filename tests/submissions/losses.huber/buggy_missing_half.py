"""Quadratic piece r**2 instead of 0.5 r**2."""
import numpy as np

EXPECTED_MISTAKE = "missing_half"


def huber(pred, target, delta=1.0):
    r = pred - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, r ** 2, delta * (a - 0.5 * delta))))
