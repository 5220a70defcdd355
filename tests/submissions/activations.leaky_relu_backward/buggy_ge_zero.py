"""Uses the mask x >= 0, so the slope at x == 0 is 1 instead of alpha."""
import numpy as np

EXPECTED_MISTAKE = "slope_one_at_zero"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, (x, alpha)


def leaky_relu_backward(dout, cache):
    x, alpha = cache
    return np.where(x >= 0, dout, alpha * dout)
