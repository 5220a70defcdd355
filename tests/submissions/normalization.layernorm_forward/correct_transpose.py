"""Correct: normalises the columns of x.T (so the features are axis 0), two-pass variance."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    xt = np.asarray(x, dtype=np.float64).T
    d = xt.shape[0]
    mu = xt.sum(axis=0) / d
    c = xt - mu
    var = (c * c).sum(axis=0) / d
    x_hat = (c / np.sqrt(var + eps)).T
    return x_hat * gamma + beta, (x_hat, np.sqrt(var + eps)[:, None], gamma)
