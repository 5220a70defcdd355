"""Divides by total_norm + 1e-6 as torch does, which is off for small gradients."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))
    f = min(1.0, max_norm / (total + 1e-6))
    return [g * f for g in grads], total
