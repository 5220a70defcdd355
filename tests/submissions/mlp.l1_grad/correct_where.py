"""Nested np.where for the three cases."""
import numpy as np


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [np.where(w > 0, lam, np.where(w < 0, -lam, 0.0)) for w in weights]
