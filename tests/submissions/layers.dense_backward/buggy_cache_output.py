"""Caches the layer output instead of its input and uses it in dW = dout.T @ out."""
import numpy as np


def dense_forward(x, W, b):
    out = x @ W.T + b
    cache = (out, W, b)
    return out, cache


def dense_backward(dout, cache):
    out, W, b = cache
    dx = dout @ W
    dW = dout.T @ out
    db = dout.sum(axis=0)
    return dx, dW, db
