"""Uses dout @ W.T for dx (only runs when W is square, and is then wrong)."""
import numpy as np

EXPECTED_MISTAKE = "dx_wrong_weight"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W.T
    dW = dout.T @ x
    db = dout.sum(axis=0)
    return dx, dW, db
