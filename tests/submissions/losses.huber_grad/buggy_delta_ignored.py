"""Clips to [-1, 1] whatever delta is."""
import numpy as np

EXPECTED_MISTAKE = "delta_ignored"


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))


def huber_grad(pred, target, delta=1.0):
    return np.clip(pred - target, -1.0, 1.0) / pred.size
