"""Works in float32 throughout and keeps float32 gradients."""
import numpy as np


def mlp_forward(x, params):
    L = sum(k.startswith("W") for k in params)
    a = np.asarray(x, dtype=np.float32)
    cache = []
    for l in range(1, L + 1):
        W = np.asarray(params["W%d" % l], dtype=np.float32)
        z = a @ W.T + np.asarray(params["b%d" % l], dtype=np.float32)
        cache.append((a, W, z))
        a = np.maximum(z, 0) if l < L else z
    e = np.exp(a - a.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (cache, probs)


def mlp_backward(labels, cache):
    layers, probs = cache
    n = probs.shape[0]
    dz = probs.astype(np.float32)
    dz[np.arange(n), labels] -= np.float32(1)
    dz /= np.float32(n)
    out = {}
    for l in range(len(layers), 0, -1):
        a, W, z = layers[l - 1]
        out["W%d" % l] = dz.T @ a
        out["b%d" % l] = dz.sum(axis=0)
        if l > 1:
            dz = (dz @ W) * (layers[l - 2][2] > 0).astype(np.float32)
    return out
