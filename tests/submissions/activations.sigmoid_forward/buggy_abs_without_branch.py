"""Uses exp(-|x|) to avoid overflow but only the x >= 0 branch, so negative x get sigmoid(|x|)."""
import numpy as np

EXPECTED_MISTAKE = "abs_without_branch"


def sigmoid_forward(x):
    out = 1.0 / (1.0 + np.exp(-np.abs(x)))
    return out, out
