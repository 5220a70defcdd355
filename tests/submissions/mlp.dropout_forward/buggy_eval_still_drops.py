"""Ignores train: drops entries in evaluation mode too."""
import numpy as np

EXPECTED_MISTAKE = "eval_still_drops"


def dropout_forward(x, p, rng, train=True):
    mask = (rng.random(x.shape) >= p) / (1 - p)
    return x * mask, mask
