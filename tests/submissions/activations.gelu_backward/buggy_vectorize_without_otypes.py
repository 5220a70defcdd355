"""The backward builds np.vectorize(math.erf) without otypes: it fails on empty arrays."""
import math

import numpy as np


def _cdf(x):
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * (1 + erf(x / math.sqrt(2)))


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return x * _cdf(x), x


def gelu_backward(dout, cache):
    x = cache
    erf = np.vectorize(math.erf)
    phi = np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    return dout * (0.5 * (1 + erf(x / math.sqrt(2))) + x * phi)
