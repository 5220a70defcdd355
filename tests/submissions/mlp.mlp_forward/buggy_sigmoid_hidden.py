"""Uses a sigmoid instead of ReLU in the hidden layers."""
import numpy as np

EXPECTED_MISTAKE = "wrong_hidden_activation"


def mlp_forward(x, params):
    L = len([k for k in params if k.startswith("W")])
    a = x
    layers = []
    for l in range(1, L + 1):
        W, b = params["W%d" % l], params["b%d" % l]
        z = a @ W.T + b
        layers.append((a, W, z))
        if l < L:
            a = 1.0 / (1.0 + np.exp(-z))
    z_out = z
    e = np.exp(z_out - z_out.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (layers, probs)
