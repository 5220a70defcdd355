"""Adds up np.linalg.norm of each array."""
import numpy as np

EXPECTED_MISTAKE = "norm_not_squared"


def l2_penalty(weights, lam):
    return float(lam * sum(np.linalg.norm(w) for w in weights))
