"""Uses lam / 2 * sum w**2 (the 1/2 convention, not the course's)."""
import numpy as np

EXPECTED_MISTAKE = "half_factor"


def l2_penalty(weights, lam):
    return float(0.5 * lam * sum((w ** 2).sum() for w in weights))
