"""Element-by-element Python loop over the flattened arrays."""
import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    shape = np.shape(param)
    p = np.array(param, dtype=np.float64).reshape(-1)
    g = np.asarray(grad, dtype=np.float64).reshape(-1)
    mm = np.array(m, dtype=np.float64).reshape(-1)
    vv = np.array(v, dtype=np.float64).reshape(-1)
    c1 = 1.0 - beta1 ** t
    c2 = 1.0 - beta2 ** t
    for k in range(p.size):
        mm[k] = beta1 * mm[k] + (1.0 - beta1) * g[k]
        vv[k] = beta2 * vv[k] + (1.0 - beta2) * g[k] * g[k]
        p[k] = p[k] - lr * (mm[k] / c1) / (np.sqrt(vv[k] / c2) + eps)
    return p.reshape(shape), mm.reshape(shape), vv.reshape(shape)
