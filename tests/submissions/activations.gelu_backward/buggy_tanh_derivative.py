"""Exact forward, but the backward uses the derivative of the tanh approximation."""
import math

import numpy as np

EXPECTED_MISTAKE = "tanh_approximation"


def _cdf(x):
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * (1 + erf(x / math.sqrt(2)))


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return x * _cdf(x), x


def gelu_backward(dout, cache):
    x = cache
    c = math.sqrt(2 / math.pi)
    u = np.clip(c * (x + 0.044715 * x ** 3), -50, 50)
    t = np.tanh(u)
    local = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x)
    return dout * local
