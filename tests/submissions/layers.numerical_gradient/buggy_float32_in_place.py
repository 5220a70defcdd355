"""Perturbs the caller's x itself (np.asarray does not copy) and restores it: fine in float64,
but a float32 x cannot hold x + 1e-5 accurately, so f sees rounded steps."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = float(x[idx])
        x[idx] = old + h
        fp = f(x)
        x[idx] = old - h
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * h)
    return grad
