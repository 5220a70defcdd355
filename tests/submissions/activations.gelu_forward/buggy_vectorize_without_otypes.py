"""np.vectorize(math.erf) without otypes: fails on empty arrays (it cannot guess the output type)."""
import math

import numpy as np


def gelu_forward(x):
    erf = np.vectorize(math.erf)
    return x * 0.5 * (1 + erf(x / math.sqrt(2))), x
