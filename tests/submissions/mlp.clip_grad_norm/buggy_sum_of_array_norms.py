"""Adds up the norms of the arrays instead of taking the norm of all entries."""
import numpy as np

EXPECTED_MISTAKE = "sum_of_array_norms"


def clip_grad_norm(grads, max_norm):
    total = float(sum(np.linalg.norm(g.astype(np.float64).ravel()) for g in grads))
    f = max_norm / total if total > max_norm else 1.0
    return [g * f for g in grads], total
