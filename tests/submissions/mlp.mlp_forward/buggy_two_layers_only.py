"""Hard-codes a network of exactly two layers (W1, b1, W2, b2)."""
import numpy as np


def mlp_forward(x, params):
    h = np.maximum(x @ params["W1"].T + params["b1"], 0)
    z = h @ params["W2"].T + params["b2"]
    e = np.exp(z - z.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (x, h, probs)
