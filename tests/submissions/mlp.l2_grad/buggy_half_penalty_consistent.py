"""Uses the 1/2 convention in both the penalty and the gradient (consistent, but not the course's form)."""
import numpy as np

EXPECTED_MISTAKE = "missing_factor_2"


def l2_penalty(weights, lam):
    return float(0.5 * lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [lam * w for w in weights]
