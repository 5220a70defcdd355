"""Element-by-element loop with np.sqrt."""
import numpy as np


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    shape = np.shape(param)
    p = np.array(param, dtype=np.float64).reshape(-1)
    g = np.asarray(grad, dtype=np.float64).reshape(-1)
    s = np.array(sq_avg, dtype=np.float64).reshape(-1)
    for k in range(p.size):
        s[k] = alpha * s[k] + (1.0 - alpha) * g[k] * g[k]
        p[k] = p[k] - lr * g[k] / (np.sqrt(s[k]) + eps)
    return p.reshape(shape), s.reshape(shape)
