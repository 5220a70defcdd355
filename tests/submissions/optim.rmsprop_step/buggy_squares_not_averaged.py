"""Accumulates the squared gradients (AdaGrad) instead of averaging them."""
import numpy as np

EXPECTED_MISTAKE = "squares_not_averaged"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = sq_avg + grad ** 2
    return param - lr * grad / (np.sqrt(s) + eps), s
