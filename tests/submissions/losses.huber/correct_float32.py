"""Splits |r| into min(|r|, delta) and the rest, in the input dtype."""
import numpy as np


def huber(pred, target, delta=1.0):
    a = np.abs(pred - target)
    q = np.minimum(a, pred.dtype.type(delta))
    return np.mean(0.5 * q * q + pred.dtype.type(delta) * (a - q))
