"""Applies ReLU after every layer, the last one included, before the softmax."""
import numpy as np

EXPECTED_MISTAKE = "relu_on_output_layer"


def mlp_forward(x, params):
    L = len([k for k in params if k.startswith("W")])
    a = x
    layers = []
    for l in range(1, L + 1):
        W, b = params["W%d" % l], params["b%d" % l]
        z = a @ W.T + b
        layers.append((a, W, z))
        if l < L:
            a = np.maximum(z, 0)
    z_out = np.maximum(z, 0)
    e = np.exp(z_out - z_out.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (layers, probs)
