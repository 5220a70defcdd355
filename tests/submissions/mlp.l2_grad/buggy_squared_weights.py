"""Returns 2 * lam * w**2."""
import numpy as np

EXPECTED_MISTAKE = "squared_weights"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [2 * lam * w ** 2 for w in weights]
