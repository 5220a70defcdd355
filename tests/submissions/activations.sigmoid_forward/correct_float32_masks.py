"""Two branches filled through boolean masks, in the input's precision (float32 stays float32)."""
import numpy as np


def sigmoid_forward(x):
    x = np.asarray(x)
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1 + e)
    return out, out
