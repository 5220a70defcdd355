"""Caches an all-ones mask in evaluation mode and still divides by 1 - p in the backward pass."""
import numpy as np

EXPECTED_MISTAKE = "eval_mode_scaled"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), (np.ones(x.shape, dtype=bool), p)
    keep = rng.random(x.shape) >= p
    return x * keep / (1 - p), (keep, p)


def dropout_backward(dout, cache):
    keep, p = cache
    return dout * keep / (1 - p)
