"""Copies the inputs first, then updates the copies in place with out= ufunc calls."""
import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    param = np.array(param, dtype=np.float64)
    m = np.array(m, dtype=np.float64)
    v = np.array(v, dtype=np.float64)
    np.multiply(m, beta1, out=m)
    m += (1 - beta1) * grad
    np.multiply(v, beta2, out=v)
    v += (1 - beta2) * np.square(grad)
    denom = np.sqrt(v / (1 - beta2 ** t))
    denom += eps
    param -= lr * (m / (1 - beta1 ** t)) / denom
    return param, m, v
