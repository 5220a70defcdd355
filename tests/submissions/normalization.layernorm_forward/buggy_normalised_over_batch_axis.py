"""Takes the statistics over the batch axis (copied from batch normalisation)."""
import numpy as np

EXPECTED_MISTAKE = "normalised_over_batch_axis"


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=0, keepdims=True)
    var = x.var(axis=0, keepdims=True)
    x_hat = (x - mu) / np.sqrt(var + eps)
    out = gamma * x_hat + beta
    return out, (x_hat, var, gamma, eps)
