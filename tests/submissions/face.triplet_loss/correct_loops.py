"""Explicit loops over triplets and embedding coordinates."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    total = 0.0
    for n in range(anchor.shape[0]):
        d_ap = 0.0
        d_an = 0.0
        for k in range(anchor.shape[1]):
            d_ap += (float(anchor[n, k]) - float(positive[n, k])) ** 2
            d_an += (float(anchor[n, k]) - float(negative[n, k])) ** 2
        total += max(0.0, d_ap - d_an + margin)
    return total
