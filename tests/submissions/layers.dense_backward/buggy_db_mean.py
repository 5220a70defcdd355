"""Averages the bias gradient over the batch instead of summing it."""
import numpy as np

EXPECTED_MISTAKE = "db_mean"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W
    dW = dout.T @ x
    db = np.mean(dout, axis=0)
    return dx, dW, db
