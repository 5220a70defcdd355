"""Returns log-softmax instead of softmax."""
import numpy as np

EXPECTED_MISTAKE = "log_probs_returned"


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
    s = z - z.max(axis=1, keepdims=True)
    probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    return probs, (layers, probs)
