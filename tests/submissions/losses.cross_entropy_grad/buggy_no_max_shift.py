"""exp of the raw logits: nan for large logits."""
import numpy as np

EXPECTED_MISTAKE = "no_max_shift"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def cross_entropy_grad(logits, labels):
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(logits.astype(np.float64))
        g = e / e.sum(axis=1, keepdims=True)
    g[np.arange(len(labels)), labels] -= 1
    return g / len(labels)
