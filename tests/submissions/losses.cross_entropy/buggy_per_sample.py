"""Returns the vector of per-sample losses (shape (N,)) instead of their mean as a float."""
import numpy as np


def cross_entropy(logits, labels):
    m = np.max(logits, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(logits - m), axis=1))
    N = logits.shape[0]
    return lse - logits[np.arange(N), labels]
