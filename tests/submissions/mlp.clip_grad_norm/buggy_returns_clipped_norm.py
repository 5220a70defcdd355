"""Returns the norm of the clipped gradients instead of the original norm."""
import numpy as np

EXPECTED_MISTAKE = "returns_clipped_norm"


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))
    if total > max_norm:
        return [g * (max_norm / total) for g in grads], float(max_norm)
    return [g.copy() for g in grads], total
