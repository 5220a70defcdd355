"""Returns lam * sign(w), the L1 gradient."""
import numpy as np

EXPECTED_MISTAKE = "sign_instead_of_weights"


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [lam * np.sign(w) for w in weights]
