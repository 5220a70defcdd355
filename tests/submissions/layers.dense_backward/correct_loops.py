"""Explicit Python loops over samples, units and features; the cache is a dict holding copies."""
import numpy as np


def dense_forward(x, W, b):
    N, D = x.shape
    M = W.shape[0]
    out = np.empty((N, M))
    for n in range(N):
        for j in range(M):
            out[n, j] = b[j] + sum(x[n, k] * W[j, k] for k in range(D))
    cache = {"x": np.array(x, dtype=np.float64), "W": np.array(W, dtype=np.float64)}
    return out, cache


def dense_backward(dout, cache):
    x, W = cache["x"], cache["W"]
    N, D = x.shape
    M = W.shape[0]
    dx = np.zeros((N, D))
    dW = np.zeros((M, D))
    db = np.zeros(M)
    for n in range(N):
        for j in range(M):
            g = float(dout[n, j])
            db[j] += g
            for k in range(D):
                dx[n, k] += g * W[j, k]
                dW[j, k] += g * x[n, k]
    return dx, dW, db
