"""Returns the local derivative s * (1 - s) without the upstream gradient."""
import numpy as np

EXPECTED_MISTAKE = "dout_ignored"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out


def sigmoid_backward(dout, cache):
    s = cache
    return s * (1 - s) + 0 * dout
