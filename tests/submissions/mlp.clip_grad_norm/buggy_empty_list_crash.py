"""Concatenates the gradients first, which fails for an empty list."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    flat = np.concatenate([g.ravel() for g in grads])
    total = float(np.linalg.norm(flat.astype(np.float64)))
    f = max_norm / total if total > max_norm else 1.0
    return [g * f for g in grads], total
