"""Stable softmax, then np.log(p_t): inf when p_t underflows to 0."""
import numpy as np


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def focal_loss(logits, labels, gamma=2.0):
    z = logits.astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = (e / e.sum(axis=1, keepdims=True))[np.arange(len(labels)), labels]
    with np.errstate(divide="ignore"):
        return float(np.mean(-(1 - p) ** gamma * np.log(p)))
