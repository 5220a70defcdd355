"""Loops over the flattened entries and keeps float32 gradients for float32 inputs."""
import numpy as np


def dropout_forward(x, p, rng, train=True):
    if not train or p == 0:
        return x.copy(), None
    keep = rng.random(x.shape) >= p
    return x * keep / (1 - p), (keep.reshape(-1), p)


def dropout_backward(dout, cache):
    if cache is None:
        return dout.copy()
    keep, p = cache
    flat = dout.reshape(-1)
    dx = np.zeros(flat.shape, dtype=dout.dtype)
    for i in range(flat.size):
        if keep[i]:
            dx[i] = flat[i] / (1 - p)
    return dx.reshape(dout.shape)
