"""Computes the differences in place (positive -= anchor, negative -= anchor), overwriting the inputs."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    positive -= anchor
    negative -= anchor
    pos_dist = np.sum(positive ** 2, axis=-1)
    neg_dist = np.sum(negative ** 2, axis=-1)
    basic = pos_dist - neg_dist + margin
    return float(np.sum(np.maximum(basic, 0.0)))
