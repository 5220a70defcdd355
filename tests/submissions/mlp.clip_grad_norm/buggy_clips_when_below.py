"""Always rescales to max_norm, also when the norm is smaller."""
import numpy as np

EXPECTED_MISTAKE = "clips_when_below"


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))
    f = max_norm / total if total > 0 else 1.0
    return [g * f for g in grads], total
