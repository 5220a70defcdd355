"""Uses Euclidean distances (square root) instead of squared distances."""
import numpy as np

EXPECTED_MISTAKE = "unsquared_distance"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sqrt(np.sum((anchor - positive) ** 2, axis=-1))
    neg_dist = np.sqrt(np.sum((anchor - negative) ** 2, axis=-1))
    basic = pos_dist - neg_dist + margin
    return float(np.sum(np.maximum(basic, 0.0)))
