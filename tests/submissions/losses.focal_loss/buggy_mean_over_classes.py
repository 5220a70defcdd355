"""Builds a one-hot product and averages over all N * C entries."""
import numpy as np

EXPECTED_MISTAKE = "mean_over_classes"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def focal_loss(logits, labels, gamma=2.0):
    z = logits.astype(np.float64)
    s = z - z.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    onehot = np.eye(z.shape[1])[labels]
    return float(np.mean(-onehot * (1 - np.exp(logp)) ** gamma * logp))
