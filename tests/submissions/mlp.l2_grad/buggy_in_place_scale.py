"""Scales the caller's weight arrays in place and returns them."""
import numpy as np


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    for w in weights:
        w *= 2 * lam
    return weights
