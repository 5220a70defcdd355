"""Returns the relative error of every entry instead of one number."""
import numpy as np

EXPECTED_MISTAKE = "elementwise_relative_error"


def gradient_check(analytic, numeric):
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    den = np.abs(a) + np.abs(n)
    return np.abs(a - n) / np.where(den == 0, 1.0, den)
