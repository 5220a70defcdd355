"""Returns a zero input gradient, as if x were a constant."""
import numpy as np

EXPECTED_MISTAKE = "dx_zero"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    dx = np.zeros_like(x)
    dW = dout.T @ x
    db = dout.sum(axis=0)
    return dx, dW, db
