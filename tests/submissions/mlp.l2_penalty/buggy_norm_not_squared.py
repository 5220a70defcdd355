"""Takes the L2 norm (square root of the sum of squares)."""
import numpy as np

EXPECTED_MISTAKE = "norm_not_squared"


def l2_penalty(weights, lam):
    return float(lam * np.sqrt(sum((w ** 2).sum() for w in weights)))
