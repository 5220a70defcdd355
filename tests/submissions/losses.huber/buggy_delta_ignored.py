"""Hard-codes the threshold 1 (the default delta)."""
import numpy as np

EXPECTED_MISTAKE = "delta_ignored"


def huber(pred, target, delta=1.0):
    r = pred - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= 1.0, 0.5 * r ** 2, a - 0.5)))
