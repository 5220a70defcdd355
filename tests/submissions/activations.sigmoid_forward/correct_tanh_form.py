"""Uses sigmoid(x) = (1 + tanh(x / 2)) / 2, which never overflows."""
import numpy as np


def sigmoid_forward(x):
    out = 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=np.float64)))
    return out, out
