"""torch's form: step size lr / (1 - beta1**t), denominator sqrt(v) / sqrt(1 - beta2**t) + eps, in float32."""
import numpy as np


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    f = np.float32
    p = np.asarray(param, dtype=f) * f(1 - lr * weight_decay)
    g = np.asarray(grad, dtype=f)
    m = np.asarray(m, dtype=f)
    v = np.asarray(v, dtype=f)
    m = m + f(1 - beta1) * (g - m)
    v = f(beta2) * v + f(1 - beta2) * g * g
    step_size = f(lr / (1 - beta1 ** t))
    denom = np.sqrt(v) / f(np.sqrt(1 - beta2 ** t)) + f(eps)
    return p - step_size * (m / denom), m, v
