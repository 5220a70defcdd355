"""z - z t + log(1 + exp(-z)): exp(-z) overflows for very negative z."""
import numpy as np

EXPECTED_MISTAKE = "unstable_softplus"


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    z = logits.astype(np.float64)
    with np.errstate(over="ignore"):
        return float(np.mean(z - z * targets + np.log1p(np.exp(-z))))
