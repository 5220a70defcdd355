"""Returns sign(r) without dividing by the number of entries."""
import numpy as np

EXPECTED_MISTAKE = "grad_not_divided_by_size"


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    return np.sign(pred - target).astype(np.float64)
