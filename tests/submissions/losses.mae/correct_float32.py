"""Keeps the input dtype; the absolute value as sqrt(r**2)."""
import numpy as np


def mae(pred, target):
    r = pred - target
    return np.mean(np.sqrt(r * r))
