"""Penalises only the first array of the list."""
import numpy as np

EXPECTED_MISTAKE = "first_array_only"


def l1_penalty(weights, lam):
    if not weights:
        return 0.0
    return float(lam * np.abs(weights[0]).sum())
