"""Loops with if/elif over every entry; 0 where equal."""
import numpy as np


def mae(pred, target):
    return float(np.mean(np.abs(np.asarray(pred, dtype=np.float64) - target)))


def mae_grad(pred, target):
    out = np.zeros(pred.shape)
    n = pred.size
    for idx in np.ndindex(pred.shape):
        if pred[idx] > target[idx]:
            out[idx] = 1.0 / n
        elif pred[idx] < target[idx]:
            out[idx] = -1.0 / n
    return out
