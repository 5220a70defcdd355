"""Forgets the square roots: ratios of sums of squares."""
import numpy as np

EXPECTED_MISTAKE = "squared_norms"


def gradient_check(analytic, numeric):
    den = np.sum(analytic ** 2) + np.sum(numeric ** 2)
    if den == 0:
        return 0.0
    return float(np.sum((analytic - numeric) ** 2) / den)
