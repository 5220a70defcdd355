"""Computes the stable form in float32 whatever the input: float64 inputs lose the tail below
exp(-87) (softplus(-200) becomes 0)."""
import numpy as np


def softplus_forward(x):
    x32 = np.asarray(x, dtype=np.float32)
    return np.maximum(x32, 0) + np.log1p(np.exp(-np.abs(x32))), x
