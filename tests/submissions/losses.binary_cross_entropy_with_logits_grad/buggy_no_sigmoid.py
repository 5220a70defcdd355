"""(z - t) / n: the sigmoid is missing."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_missing"


def binary_cross_entropy_with_logits(logits, targets):
    z = np.asarray(logits, dtype=np.float64)
    return float(np.mean(np.maximum(z, 0) - z * targets + np.log1p(np.exp(-np.abs(z)))))


def binary_cross_entropy_with_logits_grad(logits, targets):
    return (logits - targets) / logits.size
