"""Picks the term by t == 1: soft targets are treated as 0."""
import numpy as np

EXPECTED_MISTAKE = "soft_targets_ignored"


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    z = logits.astype(np.float64)
    softplus = lambda x: np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
    return float(np.mean(np.where(targets == 1, softplus(-z), softplus(z))))
