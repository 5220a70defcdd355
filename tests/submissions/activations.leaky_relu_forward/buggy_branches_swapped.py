"""Multiplies the positive entries by alpha and keeps the negative ones."""
import numpy as np

EXPECTED_MISTAKE = "branches_swapped"


def leaky_relu_forward(x, alpha=0.01):
    return np.where(x > 0, alpha * x, x), (x, alpha)
