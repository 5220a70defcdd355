"""Computes in float16 "to save memory": the result dtype is refused and values lose digits."""
import numpy as np


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float16))
    return out, out
