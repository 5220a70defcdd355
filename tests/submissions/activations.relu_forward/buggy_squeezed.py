"""Squeezes the output: size-1 dimensions are dropped."""
import numpy as np


def relu_forward(x):
    return np.squeeze(np.maximum(x, 0)), x
