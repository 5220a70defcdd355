"""Stable softmax, then log(clip(p, 1e-7, 1))."""
import numpy as np

EXPECTED_MISTAKE = "clipped_log"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def focal_loss(logits, labels, gamma=2.0):
    z = logits.astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = (e / e.sum(axis=1, keepdims=True))[np.arange(len(labels)), labels]
    q = np.clip(p, 1e-7, 1 - 1e-7)
    return float(np.mean(-(1 - q) ** gamma * np.log(q)))
