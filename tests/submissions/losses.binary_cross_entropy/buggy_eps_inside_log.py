"""log(p + 1e-7): caps a certain wrong prediction at 16 instead of 100."""
import numpy as np

EXPECTED_MISTAKE = "eps_clipping"


def binary_cross_entropy(probs, targets):
    eps = 1e-7
    return float(-np.mean(targets * np.log(probs + eps) + (1 - targets) * np.log(1 - probs + eps)))
