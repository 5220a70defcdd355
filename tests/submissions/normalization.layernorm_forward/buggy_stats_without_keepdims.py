"""Reduces without keepdims: the row means are broadcast along the features (runs only when N == D)."""
import numpy as np

EXPECTED_MISTAKE = "stats_without_keepdims"


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1)
    var = x.var(axis=1)
    x_hat = (x - mu) / np.sqrt(var + eps)
    out = gamma * x_hat + beta
    return out, (x_hat, var, gamma, eps)
