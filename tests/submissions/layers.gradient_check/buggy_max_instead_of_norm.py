"""Uses the largest absolute entry instead of the L2 norm."""
import numpy as np

EXPECTED_MISTAKE = "max_instead_of_norm"


def gradient_check(analytic, numeric):
    a = np.abs(analytic).max()
    n = np.abs(numeric).max()
    if a + n == 0:
        return 0.0
    return float(np.abs(analytic - numeric).max() / (a + n))
