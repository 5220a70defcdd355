"""Ignores the eps argument and always adds 1e-8 (only shows for other eps)."""
import numpy as np


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = alpha * sq_avg + (1 - alpha) * grad ** 2
    return param - lr * grad / (np.sqrt(s) + 1e-8), s
