"""Never uses alpha: a plain ReLU."""
import numpy as np

EXPECTED_MISTAKE = "alpha_ignored"


def leaky_relu_forward(x, alpha=0.01):
    return np.maximum(x, 0), (x, alpha)
