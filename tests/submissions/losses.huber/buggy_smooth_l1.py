"""torch's smooth L1 loss (Huber divided by delta)."""
import numpy as np

EXPECTED_MISTAKE = "smooth_l1_returned"


def huber(pred, target, delta=1.0):
    r = pred - target
    a = np.abs(r)
    return float(np.mean(np.where(a < delta, 0.5 * r ** 2 / delta, a - 0.5 * delta)))
