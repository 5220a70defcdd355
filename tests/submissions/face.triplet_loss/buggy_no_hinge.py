"""Sums pos - neg + margin without the max(0, .) hinge, so satisfied triplets give negative terms."""
import numpy as np

EXPECTED_MISTAKE = "no_hinge"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2, axis=-1)
    neg_dist = np.sum((anchor - negative) ** 2, axis=-1)
    basic = pos_dist - neg_dist + margin
    return float(np.sum(basic))
