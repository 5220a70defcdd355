"""Divides by the root of the old average, then updates it."""
import numpy as np

EXPECTED_MISTAKE = "update_uses_old_sq_avg"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    new_param = param - lr * grad / (np.sqrt(sq_avg) + eps)
    s = alpha * sq_avg + (1 - alpha) * grad ** 2
    return new_param, s
