"""Adds h to the whole array instead of to one entry: every entry gets the same slope."""
import numpy as np

EXPECTED_MISTAKE = "perturbs_all_coordinates"


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        grad[idx] = (f(x + h) - f(x - h)) / (2 * h)
    return grad
