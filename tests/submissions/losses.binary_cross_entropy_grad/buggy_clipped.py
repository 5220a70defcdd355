"""Clips p to [1e-7, 1 - 1e-7]: wrong for probabilities closer to 0 or 1."""
import numpy as np


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_grad(probs, targets):
    p = np.clip(probs, 1e-7, 1 - 1e-7)
    return (p - targets) / (p * (1 - p)) / probs.size
