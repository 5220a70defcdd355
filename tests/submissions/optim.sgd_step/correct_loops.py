"""Element-by-element loop over the flattened arrays."""
import numpy as np


def sgd_step(param, grad, lr=0.01):
    shape = np.shape(param)
    p = np.array(param, dtype=np.float64).reshape(-1)
    g = np.asarray(grad, dtype=np.float64).reshape(-1)
    for k in range(p.size):
        p[k] = p[k] - lr * g[k]
    return p.reshape(shape)
