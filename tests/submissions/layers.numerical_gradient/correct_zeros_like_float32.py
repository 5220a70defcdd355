"""Correct: evaluates f on float64 copies, but stores the result in np.zeros_like(x), which is
float32 when x is (float32 results are accepted)."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        plus = x.astype(np.float64)
        minus = x.astype(np.float64)
        plus[idx] += h
        minus[idx] -= h
        grad[idx] = (f(plus) - f(minus)) / (2 * h)
    return grad
