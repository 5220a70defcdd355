"""Linear piece delta |r| without the -0.5 delta**2."""
import numpy as np

EXPECTED_MISTAKE = "linear_branch_missing_half_delta"


def huber(pred, target, delta=1.0):
    r = pred - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * a)))
