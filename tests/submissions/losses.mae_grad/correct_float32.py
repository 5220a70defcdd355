"""Comparisons in the input dtype, float32 result for float32 inputs."""
import numpy as np


def mae(pred, target):
    return np.mean(np.abs(pred - target))


def mae_grad(pred, target):
    g = (pred > target).astype(pred.dtype) - (pred < target).astype(pred.dtype)
    return g / pred.dtype.type(pred.size)
