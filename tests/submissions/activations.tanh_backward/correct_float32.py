"""Forward and backward in float32, float32 results."""
import numpy as np


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float32))
    return out, out


def tanh_backward(dout, cache):
    return np.asarray(dout, dtype=np.float32) * (np.float32(1) - cache * cache)
