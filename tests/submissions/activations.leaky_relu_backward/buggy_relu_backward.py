"""Backward of a plain ReLU: dx = 0 where x <= 0, alpha forgotten."""
import numpy as np

EXPECTED_MISTAKE = "alpha_ignored_in_backward"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, (x, alpha)


def leaky_relu_backward(dout, cache):
    x, alpha = cache
    return dout * (x > 0)
