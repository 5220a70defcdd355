"""Uses np.tensordot for the products and np.add.reduce for the bias gradient; caches only x and W."""
import numpy as np


def dense_forward(x, W, b):
    out = np.tensordot(x, W, axes=([1], [1])) + b
    return out, {"input": x.copy(), "weight": W.copy()}


def dense_backward(dout, cache):
    x = cache["input"]
    W = cache["weight"]
    dx = np.tensordot(dout, W, axes=([1], [0]))
    dW = np.tensordot(dout, x, axes=([0], [0]))
    db = np.add.reduce(dout, axis=0)
    return dx, dW, db
