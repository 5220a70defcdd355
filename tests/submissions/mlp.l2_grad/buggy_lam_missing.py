"""Returns 2 * w without lam."""
import numpy as np

EXPECTED_MISTAKE = "lam_missing"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [2 * w for w in weights]
