"""Forgets to divide by the number of entries."""
import numpy as np

EXPECTED_MISTAKE = "grad_not_divided_by_size"


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))


def huber_grad(pred, target, delta=1.0):
    return np.clip(pred - target, -delta, delta).astype(np.float64)
