"""Returns dout itself as the bias gradient (no reduction over the batch)."""
import numpy as np

EXPECTED_MISTAKE = "db_not_reduced"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = dout @ W
    dW = dout.T @ x
    db = dout
    return dx, dW, db
