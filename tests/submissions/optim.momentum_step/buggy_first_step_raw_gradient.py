"""Copies torch's first step: an all-zero velocity is replaced by the gradient (only shows from zero velocity)."""
import numpy as np


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    if not np.any(velocity):
        v = np.array(grad, dtype=np.float64)
    else:
        v = beta * velocity + (1 - beta) * grad
    return param - lr * v, v
