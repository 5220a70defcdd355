"""Uses np.where(w >= 0, lam, -lam): gradient lam at w == 0."""
import numpy as np

EXPECTED_MISTAKE = "sign_at_zero_one"


def l1_penalty(weights, lam):
    return float(lam * sum(np.abs(w).sum() for w in weights))


def l1_grad(weights, lam):
    return [np.where(w >= 0, lam, -lam) for w in weights]
