"""Caches the output and masks with out >= 0, which is always true: dout passes unchanged."""
import numpy as np

EXPECTED_MISTAKE = "no_mask"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, out


def relu_backward(dout, cache):
    return np.where(cache >= 0, dout, 0.0)
