"""sign(target - pred): the derivative with respect to the target."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    return np.sign(target - pred) / pred.size
