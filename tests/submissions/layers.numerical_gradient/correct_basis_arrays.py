"""Correct: builds the unit array e_i of x's shape for every index and evaluates f(x +- h e_i)."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        e = np.zeros(x.shape)
        e[idx] = 1.0
        grad[idx] = 0.5 * (f(x + h * e) - f(x - h * e)) / h
    return grad
