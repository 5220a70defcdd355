"""Averages the hinge terms over the batch instead of summing them."""
import numpy as np

EXPECTED_MISTAKE = "mean_not_sum"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2, axis=-1)
    neg_dist = np.sum((anchor - negative) ** 2, axis=-1)
    basic = pos_dist - neg_dist + margin
    return float(np.mean(np.maximum(basic, 0.0)))
