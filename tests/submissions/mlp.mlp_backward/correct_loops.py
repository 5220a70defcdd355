"""Accumulates every gradient sample by sample with Python loops."""
import numpy as np


def mlp_forward(x, params):
    L = len([k for k in params if k.startswith("W")])
    zs, a = [], np.asarray(x, dtype=np.float64)
    acts = [a]
    for l in range(1, L + 1):
        z = a @ np.asarray(params["W%d" % l], dtype=np.float64).T + params["b%d" % l]
        zs.append(z)
        a = np.maximum(z, 0.0) if l < L else z
        acts.append(a)
    e = np.exp(a - a.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    return probs, (params, zs, acts, probs)


def mlp_backward(labels, cache):
    params, zs, acts, probs = cache
    L = len(zs)
    n = probs.shape[0]
    grads = {k: np.zeros(np.shape(v)) for k, v in params.items()}
    for i in range(n):
        delta = probs[i].copy()
        delta[labels[i]] -= 1.0
        delta /= n
        for l in range(L, 0, -1):
            W = np.asarray(params["W%d" % l], dtype=np.float64)
            for m in range(W.shape[0]):
                grads["b%d" % l][m] += delta[m]
                for d in range(W.shape[1]):
                    grads["W%d" % l][m, d] += delta[m] * acts[l - 1][i, d]
            if l > 1:
                delta = np.array([sum(delta[m] * W[m, d] for m in range(W.shape[0]))
                                  * (1.0 if zs[l - 2][i, d] > 0 else 0.0) for d in range(W.shape[1])])
    return grads
