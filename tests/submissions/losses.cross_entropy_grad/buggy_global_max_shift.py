"""Subtracts the maximum of the whole array: rows far below it underflow to 0 / 0."""
import numpy as np

EXPECTED_MISTAKE = "global_max_shift"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def cross_entropy_grad(logits, labels):
    z = logits.astype(np.float64)
    e = np.exp(z - z.max())
    with np.errstate(invalid="ignore"):
        g = e / e.sum(axis=1, keepdims=True)
    g[np.arange(len(labels)), labels] -= 1
    return g / len(labels)
