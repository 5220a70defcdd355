"""Loops over the flat entries; mse written with a loop too."""
import numpy as np


def mse(pred, target):
    d = [float(p) - float(t) for p, t in zip(np.ravel(pred), np.ravel(target))]
    return sum(x * x for x in d) / len(d)


def mse_grad(pred, target):
    n = pred.size
    out = np.empty(pred.shape)
    for idx in np.ndindex(pred.shape):
        out[idx] = 2.0 * (float(pred[idx]) - float(target[idx])) / n
    return out
