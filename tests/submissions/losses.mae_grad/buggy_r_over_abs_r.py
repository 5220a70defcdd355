"""r / |r| for the sign: nan wherever pred equals target."""
import numpy as np


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    r = (pred - target).astype(np.float64)
    with np.errstate(invalid="ignore"):
        return r / np.abs(r) / pred.size
