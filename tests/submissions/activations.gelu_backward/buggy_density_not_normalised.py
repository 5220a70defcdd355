"""Takes the normal density as exp(-x**2 / 2), without 1 / sqrt(2 pi)."""
import math

import numpy as np

EXPECTED_MISTAKE = "density_not_normalised"


def _cdf(x):
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * (1 + erf(x / math.sqrt(2)))


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return x * _cdf(x), x


def gelu_backward(dout, cache):
    x = cache
    return dout * (_cdf(x) + x * np.exp(-x * x / 2))
