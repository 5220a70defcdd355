"""Python loops with math.erf and math.exp; float32 inputs give float32 results."""
import math

import numpy as np


def gelu_forward(x):
    out = np.empty(x.shape, dtype=x.dtype)
    for i in np.ndindex(x.shape):
        v = float(x[i])
        out[i] = v * 0.5 * (1.0 + math.erf(v / math.sqrt(2.0)))
    return out, x.copy()


def gelu_backward(dout, cache):
    x = cache
    dx = np.empty(x.shape, dtype=np.result_type(x, dout))
    for i in np.ndindex(x.shape):
        v = float(x[i])
        slope = 0.5 * (1.0 + math.erf(v / math.sqrt(2.0))) + v * math.exp(-v * v / 2) / math.sqrt(2 * math.pi)
        dx[i] = float(dout[i]) * slope
    return dx
