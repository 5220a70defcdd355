"""Plain logs: inf or nan when a probability is exactly 0 or 1."""
import numpy as np

EXPECTED_MISTAKE = "no_clamp"


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.mean(targets * np.log(probs) + (1 - targets) * np.log(1 - probs)))
