"""Divides by the norm of the numerical gradient only."""
import numpy as np

EXPECTED_MISTAKE = "missing_denominator_sum"


def gradient_check(analytic, numeric):
    den = np.linalg.norm(numeric)
    if den == 0:
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / den)
