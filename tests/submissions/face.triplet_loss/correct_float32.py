"""Casts the embeddings to float32 and computes the loss in float32."""
import numpy as np


def triplet_loss(anchor, positive, negative, margin=0.2):
    a = np.asarray(anchor, dtype=np.float32)
    p = np.asarray(positive, dtype=np.float32)
    n = np.asarray(negative, dtype=np.float32)
    dp = np.square(a - p).sum(axis=1, dtype=np.float32)
    dn = np.square(a - n).sum(axis=1, dtype=np.float32)
    return float(np.maximum(dp - dn + np.float32(margin), np.float32(0)).sum(dtype=np.float32))
