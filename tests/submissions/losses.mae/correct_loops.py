"""Loops over the flat entries with abs()."""
import numpy as np


def mae(pred, target):
    total = 0.0
    flat_p, flat_t = np.ravel(pred), np.ravel(target)
    for i in range(flat_p.size):
        total += abs(float(flat_p[i]) - float(flat_t[i]))
    return total / flat_p.size
