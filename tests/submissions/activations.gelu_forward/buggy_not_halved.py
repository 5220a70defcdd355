"""Computes Phi(x) as 1 + erf(x / sqrt(2)), without the factor 1/2."""
import math

import numpy as np

EXPECTED_MISTAKE = "cdf_not_halved"


def gelu_forward(x):
    erf = np.vectorize(math.erf, otypes=[float])
    return x * (1 + erf(x / math.sqrt(2))), x
