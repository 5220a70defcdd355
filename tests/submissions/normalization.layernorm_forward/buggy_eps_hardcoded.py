"""Ignores the eps argument and always uses 1e-5."""
import numpy as np

EXPECTED_MISTAKE = "eps_ignored"


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    x_hat = (x - mu) / np.sqrt(var + 1e-5)
    out = gamma * x_hat + beta
    return out, (x_hat, var, gamma, eps)
