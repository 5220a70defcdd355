"""Correct: np.linalg.norm on flattened arrays, 0.0 when the denominator is 0."""
import numpy as np


def gradient_check(analytic, numeric):
    a = np.ravel(analytic).astype(np.float64)
    n = np.ravel(numeric).astype(np.float64)
    den = np.linalg.norm(a) + np.linalg.norm(n)
    if den == 0:
        return 0.0
    return np.linalg.norm(a - n) / den
