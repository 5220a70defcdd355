"""Squeezes the result, dropping size-1 dimensions."""
import numpy as np


def sgd_step(param, grad, lr=0.01):
    return np.squeeze(param - lr * grad)
