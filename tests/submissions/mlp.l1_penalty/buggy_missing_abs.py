"""Sums the signed weights: positive and negative weights cancel."""
import numpy as np

EXPECTED_MISTAKE = "missing_abs"


def l1_penalty(weights, lam):
    return float(lam * sum(np.sum(w) for w in weights))
