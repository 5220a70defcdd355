"""Sums pos - neg + margin over the batch first and applies the hinge once to the total."""
import numpy as np

EXPECTED_MISTAKE = "hinge_after_sum"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2, axis=-1)
    neg_dist = np.sum((anchor - negative) ** 2, axis=-1)
    basic = pos_dist - neg_dist + margin
    return float(np.maximum(np.sum(basic), 0.0))
