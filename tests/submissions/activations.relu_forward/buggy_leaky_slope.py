"""Keeps 0.01 * x for negative entries (a leaky ReLU) instead of 0."""
import numpy as np

EXPECTED_MISTAKE = "leaky_slope_applied"


def relu_forward(x):
    return np.maximum(x, 0.01 * x), x
