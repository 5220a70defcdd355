"""Returns sign(w) without lam (the penalty forgets lam too)."""
import numpy as np

EXPECTED_MISTAKE = "lam_missing"


def l1_penalty(weights, lam):
    return float(sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [np.sign(w) for w in weights]
