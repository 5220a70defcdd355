"""Applies alpha to the positive side: alpha * dout where x > 0, dout elsewhere."""
import numpy as np

EXPECTED_MISTAKE = "alpha_on_positives"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, (x, alpha)


def leaky_relu_backward(dout, cache):
    x, alpha = cache
    return np.where(x > 0, alpha * dout, dout)
