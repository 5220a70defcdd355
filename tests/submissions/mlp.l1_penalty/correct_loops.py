"""Python loops over arrays and entries."""
import numpy as np


def l1_penalty(weights, lam):
    total = 0.0
    for w in weights:
        for v in np.ravel(w):
            total += abs(float(v))
    return lam * total
