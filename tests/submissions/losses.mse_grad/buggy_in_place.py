"""Computes the residual in place, overwriting pred."""
import numpy as np


def mse(pred, target):
    return float(np.mean((np.asarray(pred, dtype=np.float64) - target) ** 2))


def mse_grad(pred, target):
    pred -= target
    pred *= 2.0 / pred.size
    return pred.copy()
