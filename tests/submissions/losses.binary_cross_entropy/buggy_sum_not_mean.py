"""Sums the per-entry losses."""
import numpy as np

EXPECTED_MISTAKE = "sum_not_mean"


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(probs), -100.0)
        lq = np.maximum(np.log(1 - probs), -100.0)
    return float(-np.sum(targets * lp + (1 - targets) * lq))
