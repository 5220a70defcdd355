"""Uses out * (1 - out), the sigmoid's derivative formula."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_derivative_used"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out


def tanh_backward(dout, cache):
    return dout * cache * (1 - cache)
