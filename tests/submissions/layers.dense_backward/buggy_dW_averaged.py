"""Divides the weight gradient by the batch size although the loss is a sum."""
import numpy as np

EXPECTED_MISTAKE = "dW_averaged"


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (x, W, b)
    return out, cache


def dense_backward(dout, cache):
    x, W, b = cache
    N = x.shape[0]
    dx = dout @ W
    dW = dout.T @ x / N
    db = dout.sum(axis=0)
    return dx, dW, db
