"""Draws one mask over the features and shares it by every sample of the batch."""
import numpy as np

EXPECTED_MISTAKE = "mask_shared_across_batch"


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    mask = (rng.random(x.shape[1:]) >= p) / (1 - p)
    return x * mask, mask
