"""Divides by the average of squares itself, not by its root."""

EXPECTED_MISTAKE = "sqrt_missing"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    s = alpha * sq_avg + (1 - alpha) * grad ** 2
    return param - lr * grad / (s + eps), s
