"""(p - t) / (p (1 - p)) in the input dtype."""
import numpy as np


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(probs), -100.0)
        lq = np.maximum(np.log1p(-probs), -100.0)
    return -np.mean(targets * lp + (1 - targets) * lq)


def binary_cross_entropy_grad(probs, targets):
    one = probs.dtype.type(1)
    return (probs - targets) / (probs * (one - probs)) / probs.dtype.type(probs.size)
