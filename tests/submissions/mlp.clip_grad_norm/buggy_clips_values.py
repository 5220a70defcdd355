"""Clips every entry to [-max_norm, max_norm] (clip_grad_value_)."""
import numpy as np

EXPECTED_MISTAKE = "clips_values_not_norm"


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g.astype(np.float64) ** 2) for g in grads)))
    return [np.clip(g, -max_norm, max_norm) for g in grads], total
