"""Sums the squared differences over axis 0 (the batch) instead of the embedding axis."""
import numpy as np

EXPECTED_MISTAKE = "reduced_over_batch_axis"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2, axis=0)
    neg_dist = np.sum((anchor - negative) ** 2, axis=0)
    basic = pos_dist - neg_dist + margin
    return float(np.sum(np.maximum(basic, 0.0)))
