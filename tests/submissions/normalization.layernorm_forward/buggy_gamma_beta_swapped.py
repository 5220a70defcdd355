"""Swaps the roles of gamma and beta."""
import numpy as np

EXPECTED_MISTAKE = "gamma_beta_swapped"


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    x_hat = (x - mu) / np.sqrt(var + eps)
    out = beta * x_hat + gamma
    return out, (x_hat, var, gamma, eps)
