"""torch's order of operations (s + (1 - alpha) * (g**2 - s), addcdiv) in float32."""
import numpy as np


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    f = np.float32
    g = np.asarray(grad, dtype=f)
    s = np.asarray(sq_avg, dtype=f)
    s = s + f(1 - alpha) * (g * g - s)
    denom = np.sqrt(s) + f(eps)
    return np.asarray(param, dtype=f) + f(-lr) * (g / denom), s
