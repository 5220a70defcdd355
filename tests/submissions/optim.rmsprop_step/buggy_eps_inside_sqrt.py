"""Puts eps inside the square root, as one line of the course text does."""
import numpy as np

EXPECTED_MISTAKE = "eps_inside_sqrt"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = alpha * sq_avg + (1 - alpha) * grad ** 2
    return param - lr * grad / np.sqrt(s + eps), s
