"""Scales dout in place where x <= 0 and returns it."""
import numpy as np

EXPECTED_MISTAKE = "modifies_dout_or_cache"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, (x, alpha)


def leaky_relu_backward(dout, cache):
    x, alpha = cache
    dout[x <= 0] *= alpha
    return dout
