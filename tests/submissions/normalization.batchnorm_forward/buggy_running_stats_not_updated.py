"""Forgets to update the running statistics in training mode."""
import numpy as np

EXPECTED_MISTAKE = "running_stats_not_updated"


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    x = np.asarray(x, dtype=np.float64)
    if train:
        n = x.shape[0]
        mu = x.mean(axis=0)
        var = x.var(axis=0)
        x_hat = (x - mu) / np.sqrt(var + eps)
        running_mean = running_mean.copy()
        running_var = running_var.copy()
    else:
        x_hat = (x - running_mean) / np.sqrt(running_var + eps)
        running_mean = running_mean.copy()
        running_var = running_var.copy()
    out = gamma * x_hat + beta
    return out, running_mean, running_var, (x_hat, gamma)
