"""Uses 1 - tanh(x) as the derivative (the square is missing)."""
import numpy as np

EXPECTED_MISTAKE = "derivative_not_squared"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out


def tanh_backward(dout, cache):
    return dout * (1 - cache)
