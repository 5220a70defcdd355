"""Computes dW as x.T @ dout, the transpose of the right gradient (shape (D, M); wrong values even when W is square)."""
import numpy as np

EXPECTED_MISTAKE = "dW_transposed"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db
