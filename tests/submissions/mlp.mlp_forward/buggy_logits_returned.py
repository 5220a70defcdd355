"""Returns the last layer's logits instead of their softmax."""
import numpy as np

EXPECTED_MISTAKE = "logits_returned"


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
    probs = z
    return probs, (layers, probs)
