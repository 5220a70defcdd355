"""Weighs the old average by 1 - alpha and the new square by alpha."""
import numpy as np

EXPECTED_MISTAKE = "alpha_swapped"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = (1 - alpha) * sq_avg + alpha * grad ** 2
    return param - lr * grad / (np.sqrt(s) + eps), s
