"""Indexes p[:, labels] (an N x N block) instead of p[arange(N), labels] and averages it."""
import numpy as np

EXPECTED_MISTAKE = "label_indexing_wrong"


def cross_entropy(logits, labels):
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.mean(log_p[:, labels]))
