"""The forward caches x, Phi(x) and phi(x); the backward only combines them."""
import math

import numpy as np


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    erfc = np.vectorize(math.erfc, otypes=[np.float64])
    cdf = 0.5 * erfc(-x / math.sqrt(2))
    pdf = np.exp(-0.5 * x ** 2) / math.sqrt(2 * math.pi)
    return x * cdf, (x, cdf, pdf)


def gelu_backward(dout, cache):
    x, cdf, pdf = cache
    return dout * (cdf + x * pdf)
