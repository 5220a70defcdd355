"""Correct: a fresh float64 copy of x for every evaluation, indexed through a flat view."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    grad = np.empty(x.size)
    for i in range(x.size):
        plus = x.copy()
        minus = x.copy()
        plus.reshape(-1)[i] += h
        minus.reshape(-1)[i] -= h
        grad[i] = (f(plus) - f(minus)) / (2 * h)
    return grad.reshape(x.shape)
