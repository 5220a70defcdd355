"""Differentiates with respect to the target: 2 (target - pred) / n."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    return 2.0 * (target - pred) / pred.size
