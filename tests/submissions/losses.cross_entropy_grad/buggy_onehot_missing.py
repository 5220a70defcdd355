"""softmax / N: forgets to subtract the one-hot labels."""
import numpy as np

EXPECTED_MISTAKE = "onehot_not_subtracted"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def _softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy_grad(logits, labels):
    return _softmax(logits.astype(np.float64)) / logits.shape[0]
