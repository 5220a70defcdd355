"""Loops with math.log1p(math.exp(-|z|))."""
import math

import numpy as np


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    total = 0.0
    fz, ft = np.ravel(logits), np.ravel(targets)
    for z, t in zip(fz, ft):
        z, t = float(z), float(t)
        total += max(z, 0.0) - z * t + math.log1p(math.exp(-abs(z)))
    return total / fz.size
