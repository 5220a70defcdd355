"""Reference cross-entropy from logits and integer labels."""

import numpy as np


def _prepare(logits, labels):
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels).astype(np.intp, copy=False).reshape(-1)
    shifted = logits - logits.max(axis=1, keepdims=True)
    return logits, labels, shifted


def cross_entropy(logits, labels):
    """Mean over the batch of -log softmax(logits)[i, labels[i]].

    logits (N, C) with N, C >= 1; labels (N,) integers in [0, C).
    Returns a Python float; finite for any finite logits (log-sum-exp).
    """
    logits, labels, shifted = _prepare(logits, labels)
    lse = np.log(np.sum(np.exp(shifted), axis=1))
    picked = shifted[np.arange(labels.shape[0]), labels]
    return float(np.mean(lse - picked))


def cross_entropy_grad(logits, labels):
    """Gradient of cross_entropy (the batch mean) w.r.t. logits.

    logits (N, C), labels (N,) -> dlogits (N, C) = (softmax - onehot) / N.
    """
    logits, labels, shifted = _prepare(logits, labels)
    e = np.exp(shifted)
    grad = e / e.sum(axis=1, keepdims=True)
    n = labels.shape[0]
    grad[np.arange(n), labels] -= 1.0
    grad /= n
    return grad
