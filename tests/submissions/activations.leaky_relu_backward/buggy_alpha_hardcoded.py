"""Caches only x and uses 0.01 in the backward pass whatever alpha the forward got."""
import numpy as np

EXPECTED_MISTAKE = "alpha_hardcoded"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, x


def leaky_relu_backward(dout, cache):
    return np.where(cache > 0, dout, 0.01 * dout)
