"""Gives a gradient to the first array and zeros to the others."""
import numpy as np

EXPECTED_MISTAKE = "first_array_only"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [2 * lam * w if i == 0 else np.zeros_like(w) for i, w in enumerate(weights)]
