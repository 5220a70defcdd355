"""Sums the per-sample losses instead of averaging them over the batch."""
import numpy as np

EXPECTED_MISTAKE = "sum_not_mean"


def cross_entropy(logits, labels):
    m = np.max(logits, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(logits - m), axis=1))
    N = logits.shape[0]
    return float(np.sum(lse - logits[np.arange(N), labels]))
