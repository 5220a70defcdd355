"""Divides by the norm of the sum, ||analytic + numeric||, instead of the sum of the norms."""
import numpy as np

EXPECTED_MISTAKE = "norm_of_sum_denominator"


def gradient_check(analytic, numeric):
    den = np.linalg.norm(analytic + numeric)
    if den == 0:
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / den)
