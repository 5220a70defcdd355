"""Clips p to [1e-12, 1 - 1e-12] before the logs."""
import numpy as np

EXPECTED_MISTAKE = "eps_clipping"


def binary_cross_entropy(probs, targets):
    p = np.clip(probs.astype(np.float64), 1e-12, 1 - 1e-12)
    return float(-np.mean(targets * np.log(p) + (1 - targets) * np.log(1 - p)))
