"""Treats p as the keep probability (Andrew Ng's keep_prob): keeps with probability p, divides by p."""
import numpy as np

EXPECTED_MISTAKE = "p_is_keep_probability"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    mask = (rng.random(x.shape) < p) / p
    return x * mask, mask
