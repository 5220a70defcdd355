"""Correct: perturbs a float64 working array in place with np.nditer and restores each entry."""
import numpy as np


def numerical_gradient(f, x, h=1e-5):
    work = x.astype(np.float64)  # astype copies
    grad = np.zeros_like(work)
    it = np.nditer(work, flags=["multi_index"])
    while not it.finished:
        idx = it.multi_index
        keep = work[idx]
        work[idx] = keep + h
        up = f(work)
        work[idx] = keep - h
        down = f(work)
        work[idx] = keep
        grad[idx] = (up - down) / (2 * h)
        it.iternext()
    return grad
