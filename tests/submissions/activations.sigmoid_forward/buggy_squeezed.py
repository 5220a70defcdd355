"""Squeezes the output "to tidy it up": size-1 dimensions disappear."""
import numpy as np


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    out = np.squeeze(np.where(x >= 0, 1 / (1 + z), z / (1 + z)))
    return out, out
