"""Correct: builds each row's D x D Jacobian of x_hat explicitly and multiplies (float32 in, float32 out)."""
import numpy as np


def layernorm_forward(x, gamma, beta, eps=1e-5):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    std = np.sqrt(var + eps)
    x_hat = (x - mu) / std
    return gamma * x_hat + beta, (x_hat, std, gamma)


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache
    n, d = x_hat.shape
    dx = np.zeros((n, d), dtype=dout.dtype)
    eye = np.eye(d)
    for i in range(n):
        jac = (eye - 1.0 / d - np.outer(x_hat[i], x_hat[i]) / d) / std[i, 0]
        dx[i] = jac.T @ (dout[i] * gamma)
    return dx, np.einsum("nd,nd->d", dout, x_hat), dout.sum(axis=0)
