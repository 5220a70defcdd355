"""Forgets to multiply by lam."""
import numpy as np

EXPECTED_MISTAKE = "lam_ignored"


def l1_penalty(weights, lam):
    return float(sum(np.abs(w).sum() for w in weights))
