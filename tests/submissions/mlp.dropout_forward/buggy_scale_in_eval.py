"""Multiplies by 1 - p in evaluation mode (the non-inverted test-time rule)."""
import numpy as np

EXPECTED_MISTAKE = "scale_in_eval"


def dropout_forward(x, p, rng, train=True):
    if not train:
        return x * (1 - p), None
    mask = (rng.random(x.shape) >= p) / (1 - p)
    return x * mask, mask
