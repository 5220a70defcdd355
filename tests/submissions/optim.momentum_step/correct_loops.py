"""Element-by-element loop over the flattened arrays."""
import numpy as np


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    shape = np.shape(param)
    p = np.array(param, dtype=np.float64).reshape(-1)
    g = np.asarray(grad, dtype=np.float64).reshape(-1)
    v = np.array(velocity, dtype=np.float64).reshape(-1)
    for k in range(p.size):
        v[k] = beta * v[k] + (1.0 - beta) * g[k]
        p[k] -= lr * v[k]
    return p.reshape(shape), v.reshape(shape)
