"""Scales the caller's arrays in place."""
import numpy as np

EXPECTED_MISTAKE = "in_place_clipping"


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))
    if total > max_norm:
        for g in grads:
            g *= g.dtype.type(max_norm / total)
    return list(grads), total
