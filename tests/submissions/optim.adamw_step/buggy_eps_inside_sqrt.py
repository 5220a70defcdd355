"""Adds eps inside the square root."""
import numpy as np

EXPECTED_MISTAKE = "eps_inside_sqrt"


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    g = grad
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g ** 2
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return param * (1 - lr * weight_decay) - lr * m_hat / np.sqrt(v_hat + eps), m, v
