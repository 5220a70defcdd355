"""Works in the input dtype (float32 logs for float32 inputs)."""
import numpy as np


def binary_cross_entropy(probs, targets):
    one = probs.dtype.type(1)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(probs), probs.dtype.type(-100))
        lq = np.maximum(np.log(one - probs), probs.dtype.type(-100))
    return -np.mean(targets * lp + (one - targets) * lq)
