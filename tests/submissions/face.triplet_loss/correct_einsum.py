"""Squared distances as np.einsum row-wise dot products of the differences."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    dp = anchor - positive
    dn = anchor - negative
    pos = np.einsum("nd,nd->n", dp, dp)
    neg = np.einsum("nd,nd->n", dn, dn)
    return float(np.clip(pos - neg + margin, 0.0, None).sum())
