"""Takes absolute values in place with np.abs(w, out=w), changing the caller's weights."""
import numpy as np


def l1_penalty(weights, lam):
    total = 0.0
    for w in weights:
        np.abs(w, out=w)
        total += float(w.sum())
    return lam * total
