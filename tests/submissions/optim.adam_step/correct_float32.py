"""Casts everything to float32, computes the step in float32 and returns float32 arrays."""
import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    f = np.float32
    p = np.asarray(param, dtype=f)
    g = np.asarray(grad, dtype=f)
    b1, b2 = f(beta1), f(beta2)
    new_m = b1 * np.asarray(m, dtype=f) + (f(1) - b1) * g
    new_v = b2 * np.asarray(v, dtype=f) + (f(1) - b2) * g * g
    m_hat = new_m / f(1.0 - beta1 ** t)
    v_hat = new_v / f(1.0 - beta2 ** t)
    new_p = p - f(lr) * m_hat / (np.sqrt(v_hat) + f(eps))
    return new_p.astype(f), new_m.astype(f), new_v.astype(f)
