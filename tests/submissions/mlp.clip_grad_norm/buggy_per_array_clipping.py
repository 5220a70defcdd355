"""Clips each gradient array by its own norm."""
import numpy as np

EXPECTED_MISTAKE = "per_array_clipping"


def clip_grad_norm(grads, max_norm):
    total = np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads))
    out = []
    for g in grads:
        n = np.sqrt(np.sum(g.astype(np.float64) ** 2))
        out.append(g * (max_norm / n) if n > max_norm else g.copy())
    return out, float(total)
