"""Uses the residual itself instead of its sign."""
import numpy as np

EXPECTED_MISTAKE = "residual_not_sign"


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    return (pred - target) / pred.size
