"""A Python loop over the entries with math.erf; the result keeps the input's dtype."""
import math

import numpy as np


def gelu_forward(x):
    out = np.empty(x.shape, dtype=x.dtype)
    for i in np.ndindex(x.shape):
        v = float(x[i])
        out[i] = v * 0.5 * (1.0 + math.erf(v / math.sqrt(2.0)))
    return out, x.copy()
