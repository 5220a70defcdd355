"""Clips the gradient to [-1, 1] before the step (only shows for large gradients)."""
import numpy as np


def sgd_step(param, grad, lr=0.01):
    return param - lr * np.clip(grad, -1.0, 1.0)
