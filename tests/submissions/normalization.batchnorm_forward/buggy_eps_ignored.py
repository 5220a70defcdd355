"""Hard-codes eps = 1e-5 instead of using the argument."""
import numpy as np

EXPECTED_MISTAKE = "eps_ignored"


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    if train:
        n = x.shape[0]
        mu = x.mean(axis=0)
        var = x.var(axis=0)
        x_hat = (x - mu) / np.sqrt(var + 1e-5)
        running_mean = (1 - momentum) * running_mean + momentum * mu
        running_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        x_hat = (x - running_mean) / np.sqrt(running_var + 1e-5)
        running_mean, running_var = running_mean.copy(), running_var.copy()
    return gamma * x_hat + beta, running_mean, running_var, None
