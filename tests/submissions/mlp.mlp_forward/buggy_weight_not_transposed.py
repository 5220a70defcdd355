"""Multiplies by W instead of W.T (runs only when the layers are square)."""
import numpy as np

EXPECTED_MISTAKE = "weight_not_transposed"


def mlp_forward(x, params):
    L = len([k for k in params if k.startswith("W")])
    a = x
    layers = []
    for l in range(1, L + 1):
        W, b = params["W%d" % l], params["b%d" % l]
        z = a @ W + b
        layers.append((a, W, z))
        if l < L:
            a = np.maximum(z, 0)
    z_out = z
    e = np.exp(z_out - z_out.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (layers, probs)
