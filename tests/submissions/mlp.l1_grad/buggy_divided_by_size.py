"""Divides each gradient by the number of entries of its array."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_size"


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [lam * np.sign(w) / max(w.size, 1) for w in weights]
