"""Quadratic piece for |r| < delta (strict): both pieces agree at |r| == delta."""
import numpy as np


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a < delta, 0.5 * r * r, delta * a - 0.5 * delta * delta)))
