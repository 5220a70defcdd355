"""log p_t with np.logaddexp.reduce on the shifted logits, in the input dtype."""
import numpy as np


def cross_entropy(logits, labels):
    s = logits - logits.max(axis=1, keepdims=True)
    return np.mean(np.logaddexp.reduce(s, axis=1) - s[np.arange(s.shape[0]), labels])


def focal_loss(logits, labels, gamma=2.0):
    s = logits - logits.max(axis=1, keepdims=True)
    lp = s[np.arange(s.shape[0]), labels] - np.logaddexp.reduce(s, axis=1)
    return np.mean(-(1 - np.exp(lp)) ** gamma * lp)
