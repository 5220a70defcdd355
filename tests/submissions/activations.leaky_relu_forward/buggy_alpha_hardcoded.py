"""Uses 0.01 for the slope whatever alpha is passed."""
import numpy as np

EXPECTED_MISTAKE = "alpha_hardcoded"


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, x, 0.01 * x), (x, alpha)
