"""Divides the summed loss by N * C (one-hot mean over every entry) instead of by N."""
import numpy as np

EXPECTED_MISTAKE = "mean_over_classes"


def cross_entropy(logits, labels):
    N, C = logits.shape
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    one_hot = np.zeros((N, C))
    one_hot[np.arange(N), labels] = 1.0
    return float(-np.mean(one_hot * log_p))
