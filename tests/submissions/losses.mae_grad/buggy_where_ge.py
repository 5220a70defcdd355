"""np.where(r >= 0, 1, -1): +1/n where pred equals target."""
import numpy as np

EXPECTED_MISTAKE = "nonzero_at_zero_residual"


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    return np.where(pred - target >= 0, 1.0, -1.0) / pred.size
