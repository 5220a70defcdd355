"""Penalises only the first array."""
import numpy as np

EXPECTED_MISTAKE = "first_array_only"


def l2_penalty(weights, lam):
    return float(lam * np.sum(weights[0] ** 2)) if weights else 0.0
