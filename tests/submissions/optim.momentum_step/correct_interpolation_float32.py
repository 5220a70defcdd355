"""Interpolates v + (1 - beta) * (grad - v) in float32."""
import numpy as np


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    f = np.float32
    v = np.asarray(velocity, dtype=f)
    v = v + f(1 - beta) * (np.asarray(grad, dtype=f) - v)
    return np.asarray(param, dtype=f) - f(lr) * v, v
