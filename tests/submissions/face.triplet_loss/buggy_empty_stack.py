"""Collects per-sample losses in a list and np.stack()s them, which raises on an empty batch."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    losses = []
    for a, p, n in zip(anchor, positive, negative):
        d_ap = np.sum((a - p) ** 2)
        d_an = np.sum((a - n) ** 2)
        losses.append(np.maximum(d_ap - d_an + margin, 0.0))
    return float(np.stack(losses).sum())
