"""Uses the sum of squares as the norm (forgets the square root)."""
import numpy as np

EXPECTED_MISTAKE = "norm_without_sqrt"


def clip_grad_norm(grads, max_norm):
    total = float(sum(np.sum(g.astype(np.float64) ** 2) for g in grads))
    f = max_norm / total if total > max_norm else 1.0
    return [g * f for g in grads], total
