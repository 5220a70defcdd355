"""Returns lam * w (as if the penalty had a 1/2)."""
import numpy as np

EXPECTED_MISTAKE = "missing_factor_2"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [lam * w for w in weights]
