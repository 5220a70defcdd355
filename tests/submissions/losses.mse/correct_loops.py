"""Loops over every entry with Python floats."""
import numpy as np


def mse(pred, target):
    total, count = 0.0, 0
    for p, t in zip(np.ravel(pred), np.ravel(target)):
        d = float(p) - float(t)
        total += d * d
        count += 1
    return total / count
