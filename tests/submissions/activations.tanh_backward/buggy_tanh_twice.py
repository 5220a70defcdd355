"""Caches the output and applies tanh to it again in the backward pass."""
import numpy as np

EXPECTED_MISTAKE = "tanh_applied_to_cache"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out


def tanh_backward(dout, cache):
    t = np.tanh(cache)
    return dout * (1 - t * t)
