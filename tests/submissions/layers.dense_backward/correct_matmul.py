"""Standard vectorised gradients: dx = dout @ W, dW = dout.T @ x, db = sum over the batch."""
import numpy as np


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W
    dW = dout.T @ x
    db = dout.sum(axis=0)
    return dx, dW, db
