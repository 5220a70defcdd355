"""Accumulates dW and db with Python sum() over samples: an empty batch gives scalars 0 instead of zero arrays."""
import numpy as np


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    N = x.shape[0]
    dx = dout @ W
    dW = sum(np.outer(dout[n], x[n]) for n in range(N))
    db = sum(dout[n] for n in range(N))
    return dx, dW, db
