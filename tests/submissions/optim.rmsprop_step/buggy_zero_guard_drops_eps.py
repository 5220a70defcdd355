"""Guards against 0 / 0 with np.where instead of adding eps (wrong when eps matters)."""
import numpy as np


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = alpha * sq_avg + (1 - alpha) * grad ** 2
    root = np.sqrt(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        step = np.where(root > 0, grad / root, 0.0)
    return param - lr * step, s
