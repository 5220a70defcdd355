"""Keeps the input dtype (float32 arithmetic for float32 inputs)."""
import numpy as np


def mse(pred, target):
    r = pred - target
    return np.mean(r * r)
