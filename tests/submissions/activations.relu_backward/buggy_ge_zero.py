"""Builds the mask with x >= 0, so the slope at x == 0 is 1 instead of 0."""
import numpy as np

EXPECTED_MISTAKE = "derivative_one_at_zero"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    return dout * (cache >= 0)
