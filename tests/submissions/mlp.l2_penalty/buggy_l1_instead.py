"""Uses absolute values instead of squares."""
import numpy as np

EXPECTED_MISTAKE = "l1_instead"


def l2_penalty(weights, lam):
    return float(lam * sum(np.sum(np.abs(w)) for w in weights))
