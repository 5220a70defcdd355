"""Loops over the flattened entries, in the input's dtype."""
import numpy as np


def l1_penalty(weights, lam):
    total = 0.0
    for w in weights:
        for v in w.ravel():
            total += abs(float(v))
    return lam * total


def l1_grad(weights, lam):
    out = []
    for w in weights:
        g = np.zeros(w.shape, dtype=w.dtype).ravel()
        for i, v in enumerate(w.ravel()):
            g[i] = lam if v > 0 else (-lam if v < 0 else 0.0)
        out.append(g.reshape(w.shape))
    return out
