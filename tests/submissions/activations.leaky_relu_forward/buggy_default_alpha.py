"""Has alpha=0.1 as the default instead of 0.01."""
import numpy as np

EXPECTED_MISTAKE = "default_alpha_wrong"


def leaky_relu_forward(x, alpha=0.1):
    return np.where(x > 0, x, alpha * x), (x, alpha)
