"""Uses 1 - s**2 (the derivative formula of tanh) for the sigmoid."""
import numpy as np

EXPECTED_MISTAKE = "tanh_derivative_used"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, out


def sigmoid_backward(dout, cache):
    return dout * (1 - cache ** 2)
