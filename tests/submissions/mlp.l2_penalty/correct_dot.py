"""Dot product of each flattened array with itself."""
import numpy as np


def l2_penalty(weights, lam):
    total = 0.0
    for w in weights:
        v = np.ravel(w).astype(np.float64)
        total += float(v @ v)
    return lam * total
