"""Differentiates x * Phi(x) as Phi(x): the product rule's x * phi(x) term is missing."""
import math

import numpy as np

EXPECTED_MISTAKE = "missing_x_phi_term"


def _cdf(x):
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * (1 + erf(x / math.sqrt(2)))


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return x * _cdf(x), x


def gelu_backward(dout, cache):
    return dout * _cdf(cache)
