"""Returns lam * w, the L2-style gradient."""
import numpy as np

EXPECTED_MISTAKE = "weights_instead_of_sign"


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [lam * w for w in weights]
