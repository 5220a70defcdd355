"""Clamps log(p) but not log(1 - p): nan at p = 1."""
import numpy as np


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore", invalid="ignore"):
        lp = np.maximum(np.log(probs), -100.0)
        return float(-np.mean(targets * lp + (1 - targets) * np.log(1 - probs)))
