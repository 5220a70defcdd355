"""Returns the gradient of the first array only."""
import numpy as np

EXPECTED_MISTAKE = "first_array_only"


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [lam * np.sign(weights[0])] if weights else []
