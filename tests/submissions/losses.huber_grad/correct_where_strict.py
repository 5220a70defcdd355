"""np.where with |r| < delta: equal at the boundary."""
import numpy as np


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))


def huber_grad(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    return np.where(np.abs(r) < delta, r, delta * np.sign(r)) / r.size
