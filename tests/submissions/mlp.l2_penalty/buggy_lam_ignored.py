"""Forgets lam."""
import numpy as np

EXPECTED_MISTAKE = "lam_ignored"


def l2_penalty(weights, lam):
    return float(sum(np.sum(w * w) for w in weights))
