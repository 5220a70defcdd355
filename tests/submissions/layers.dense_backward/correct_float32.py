"""Computes forward and backward in float32 (inputs cast to float32) and returns float32 gradients."""
import numpy as np


def dense_forward(x, W, b):
    x32 = np.asarray(x, dtype=np.float32)
    W32 = np.asarray(W, dtype=np.float32)
    out = x32 @ W32.T + np.asarray(b, dtype=np.float32)
    return out, (x32, W32)


def dense_backward(dout, cache):
    x32, W32 = cache
    d32 = np.asarray(dout, dtype=np.float32)
    dx = d32 @ W32
    dW = d32.T @ x32
    db = d32.sum(axis=0, dtype=np.float32)
    return dx, dW, db
