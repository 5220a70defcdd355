"""Applies a ReLU to the affine output although the layer is purely linear."""
import numpy as np

EXPECTED_MISTAKE = "activation_applied"


def dense_forward(x, W, b):
    z = x @ W.T + b
    out = np.maximum(z, 0.0)
    cache = (x, W, b)
    return out, cache
