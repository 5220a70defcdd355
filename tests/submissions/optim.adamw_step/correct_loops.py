"""Element-by-element loop over the flattened arrays."""
import numpy as np


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    shape = np.shape(param)
    p = np.array(param, dtype=np.float64).reshape(-1)
    g = np.asarray(grad, dtype=np.float64).reshape(-1)
    mm = np.array(m, dtype=np.float64).reshape(-1)
    vv = np.array(v, dtype=np.float64).reshape(-1)
    for k in range(p.size):
        p[k] *= 1.0 - lr * weight_decay
        mm[k] = beta1 * mm[k] + (1.0 - beta1) * g[k]
        vv[k] = beta2 * vv[k] + (1.0 - beta2) * g[k] ** 2
        p[k] -= lr * (mm[k] / (1.0 - beta1 ** t)) / (np.sqrt(vv[k] / (1.0 - beta2 ** t)) + eps)
    return p.reshape(shape), mm.reshape(shape), vv.reshape(shape)
