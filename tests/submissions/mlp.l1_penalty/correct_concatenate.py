"""Concatenates every entry into one float64 vector (an empty list handled first)."""
import numpy as np


def l1_penalty(weights, lam):
    if len(weights) == 0:
        return 0.0
    flat = np.concatenate([np.ravel(w).astype(np.float64) for w in weights])
    return lam * float(np.linalg.norm(flat, 1))
