"""Forgets to reduce: returns the per-entry absolute errors."""
import numpy as np


def mae(pred, target):
    return np.abs(pred - target)
