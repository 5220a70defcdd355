"""Uses L1 distances (sum of absolute differences) instead of squared Euclidean distances."""
import numpy as np

EXPECTED_MISTAKE = "l1_distance"


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum(np.abs(anchor - positive), axis=-1)
    neg_dist = np.sum(np.abs(anchor - negative), axis=-1)
    basic = pos_dist - neg_dist + margin
    return float(np.sum(np.maximum(basic, 0.0)))
