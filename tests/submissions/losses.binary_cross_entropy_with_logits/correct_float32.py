"""The stable formula in the input dtype."""
import numpy as np


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    z = logits
    return np.mean(np.maximum(z, 0) - z * targets + np.log1p(np.exp(-np.abs(z))))
