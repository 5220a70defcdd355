"""Loops over the entries; huber with a loop too."""
import numpy as np


def huber(pred, target, delta=1.0):
    total = 0.0
    for p, t in zip(np.ravel(pred), np.ravel(target)):
        a = abs(float(p) - float(t))
        total += 0.5 * a * a if a <= delta else delta * (a - 0.5 * delta)
    return total / pred.size


def huber_grad(pred, target, delta=1.0):
    out = np.empty(pred.shape)
    for idx in np.ndindex(pred.shape):
        r = float(pred[idx]) - float(target[idx])
        out[idx] = max(-delta, min(delta, r)) / pred.size
    return out
