"""Correct: batch statistics with einsum, the running update written as a lerp."""
import numpy as np


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    x = x.astype(np.float64)
    if not train:
        scale = gamma / np.sqrt(running_var + eps)
        return x * scale + (beta - running_mean * scale), running_mean + 0.0, running_var + 0.0, {}
    n = x.shape[0]
    mu = np.einsum("nd->d", x) / n
    c = x - mu
    ss = np.einsum("nd,nd->d", c, c)
    x_hat = c / np.sqrt(ss / n + eps)
    rm = np.add((1.0 - momentum) * running_mean, momentum * mu)
    rv = np.add((1.0 - momentum) * running_var, momentum * ss / (n - 1))
    return gamma * x_hat + beta, rm, rv, {"x_hat": x_hat}
