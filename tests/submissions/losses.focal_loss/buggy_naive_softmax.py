"""log of an unshifted softmax: nan or inf for large logits."""
import numpy as np

EXPECTED_MISTAKE = "no_logsumexp"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def focal_loss(logits, labels, gamma=2.0):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        e = np.exp(logits)
        p = (e / e.sum(axis=1, keepdims=True))[np.arange(len(labels)), labels]
        return float(np.mean(-(1 - p) ** gamma * np.log(p)))
