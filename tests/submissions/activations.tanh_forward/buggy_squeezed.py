"""Squeezes the result: size-1 dimensions are dropped."""
import numpy as np


def tanh_forward(x):
    out = np.squeeze(np.tanh(x))
    return out, out
