"""Builds the mask from dout instead of from x."""
import numpy as np

EXPECTED_MISTAKE = "mask_from_dout"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    return np.where(dout > 0, dout, 0.0)
