"""Averages |w| in each array instead of summing."""
import numpy as np

EXPECTED_MISTAKE = "mean_not_sum"


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).mean() for w in weights if w.size))
