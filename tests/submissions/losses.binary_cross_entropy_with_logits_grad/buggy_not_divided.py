"""Forgets to divide by the number of entries."""
import numpy as np

EXPECTED_MISTAKE = "grad_not_divided_by_size"


def binary_cross_entropy_with_logits(logits, targets):
    z = np.asarray(logits, dtype=np.float64)
    return float(np.mean(np.maximum(z, 0) - z * targets + np.log1p(np.exp(-np.abs(z)))))


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def binary_cross_entropy_with_logits_grad(logits, targets):
    return _sigmoid(logits.astype(np.float64)) - targets
