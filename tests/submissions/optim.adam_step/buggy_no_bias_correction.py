"""Skips the bias correction and uses the raw moments m and v in the update."""
import numpy as np

EXPECTED_MISTAKE = "no_bias_correction"


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    m_hat = m
    v_hat = v
    param = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return param, m, v
