"""Divides the gradient by the number of entries."""
import numpy as np

EXPECTED_MISTAKE = "divided_by_size"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [2 * lam * w / max(w.size, 1) for w in weights]
