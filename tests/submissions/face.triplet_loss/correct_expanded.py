"""Expands |a-p|^2 - |a-n|^2 as |p|^2 - |n|^2 - 2 a.(p - n) before the hinge."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    a = np.asarray(anchor, dtype=np.float64)
    p = np.asarray(positive, dtype=np.float64)
    n = np.asarray(negative, dtype=np.float64)
    diff = np.sum(p * p, axis=1) - np.sum(n * n, axis=1) - 2.0 * np.sum(a * (p - n), axis=1)
    terms = diff + margin
    return float(terms[terms > 0].sum()) if terms.size else 0.0
