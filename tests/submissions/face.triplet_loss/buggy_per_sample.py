"""Returns the vector of per-sample hinge terms instead of their sum."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2, axis=-1)
    neg_dist = np.sum((anchor - negative) ** 2, axis=-1)
    basic = pos_dist - neg_dist + margin
    return np.maximum(basic, 0.0)
