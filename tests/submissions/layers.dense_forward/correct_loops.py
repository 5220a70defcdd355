"""Explicit Python loops over samples, units and input features."""
import numpy as np


def dense_forward(x, W, b):
    N, D = x.shape
    M = W.shape[0]
    out = np.zeros((N, M))
    for n in range(N):
        for j in range(M):
            s = float(b[j])
            for k in range(D):
                s += float(x[n, k]) * float(W[j, k])
            out[n, j] = s
    cache = {"x": x, "W": W}
    return out, cache
