"""Loops with math.log and max(..., -100)."""
import math

import numpy as np


def binary_cross_entropy(probs, targets):
    total = 0.0
    fp, ft = np.ravel(probs), np.ravel(targets)
    for p, t in zip(fp, ft):
        p, t = float(p), float(t)
        lp = math.log(p) if p > 0 else -math.inf
        lq = math.log(1 - p) if p < 1 else -math.inf
        total -= t * max(lp, -100.0) + (1 - t) * max(lq, -100.0)
    return total / fp.size
