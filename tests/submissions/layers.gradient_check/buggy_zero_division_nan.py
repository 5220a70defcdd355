"""Divides without guarding the 0 / 0 case: nan when both gradients are zero."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_nan"


def gradient_check(analytic, numeric):
    with np.errstate(invalid="ignore"):
        return float(np.linalg.norm(analytic - numeric)
                     / (np.linalg.norm(analytic) + np.linalg.norm(numeric)))
