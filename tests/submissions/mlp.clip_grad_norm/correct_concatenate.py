"""Concatenates every entry to compute the norm (empty lists handled)."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    if grads:
        flat = np.concatenate([np.ravel(g).astype(np.float64) for g in grads])
    else:
        flat = np.zeros(0)
    total = float(np.linalg.norm(flat))
    if total <= max_norm:
        return [np.array(g, copy=True) for g in grads], total
    return [g * (max_norm / total) for g in grads], total
