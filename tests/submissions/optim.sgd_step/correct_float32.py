"""Computes in float32 whatever the input dtype and returns float32."""
import numpy as np


def sgd_step(param, grad, lr=0.01):
    f = np.float32
    return (np.asarray(param, dtype=f) - f(lr) * np.asarray(grad, dtype=f)).astype(f)
