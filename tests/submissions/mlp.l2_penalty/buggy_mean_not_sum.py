"""Averages the squares over all entries."""
import numpy as np

EXPECTED_MISTAKE = "mean_not_sum"


def l2_penalty(weights, lam):
    flat = np.concatenate([np.ravel(w) for w in weights] + [np.zeros(0)])
    return float(lam * np.mean(flat ** 2)) if flat.size else 0.0
