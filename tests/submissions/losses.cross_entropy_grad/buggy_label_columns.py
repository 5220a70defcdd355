"""g[:, labels] -= 1 subtracts whole columns."""
import numpy as np

EXPECTED_MISTAKE = "label_indexing_wrong"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy_grad(logits, labels):
    g = _softmax(logits.astype(np.float64))
    g[:, labels] -= 1
    return g / len(labels)
