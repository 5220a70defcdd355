"""Loops over every entry with an if/else."""
import numpy as np


def huber(pred, target, delta=1.0):
    total = 0.0
    fp, ft = np.ravel(pred), np.ravel(target)
    for i in range(fp.size):
        a = abs(float(fp[i]) - float(ft[i]))
        total += 0.5 * a * a if a <= delta else delta * (a - 0.5 * delta)
    return total / fp.size
