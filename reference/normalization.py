"""Reference batch and layer normalisation (torch.nn.functional.batch_norm / layer_norm)."""

import numpy as np


def _stats(x, axis):
    """Mean and biased variance along ``axis`` (two passes), keepdims."""
    mean = np.mean(x, axis=axis, keepdims=True)
    dev = x - mean
    return mean, np.mean(dev * dev, axis=axis, keepdims=True)


def _normalise(x, axis, eps):
    mean, var = _stats(x, axis)
    std = np.sqrt(var + eps)
    return (x - mean) / std, std


def batchnorm_forward(x, gamma, beta, running_mean, running_var, train=True, momentum=0.1,
                      eps=1e-5):
    """Returns (out, running_mean, running_var), float64.

    Training: batch mean and biased batch variance normalise; the running statistics move by
    ``momentum`` towards the batch mean and the UNBIASED batch variance (torch). Evaluation: the
    running statistics normalise and come back unchanged.
    """
    x = np.asarray(x, dtype=np.float64)
    gamma, beta, rm, rv = (np.asarray(v, dtype=np.float64).copy()
                           for v in (gamma, beta, running_mean, running_var))
    if not train:
        return gamma * ((x - rm) / np.sqrt(rv + eps)) + beta, rm, rv
    n = x.shape[0]
    x_hat, _ = _normalise(x, 0, eps)
    mean, var = _stats(x, 0)
    unbiased = var[0] * n / (n - 1)
    rm = rm + momentum * (mean[0] - rm)
    rv = rv + momentum * (unbiased - rv)
    return gamma * x_hat + beta, rm, rv


def _backward(dout, x, gamma, eps, axis):
    """Gradients of sum(out * dout) for out = gamma * normalise(x along axis) + beta.

    dx is the projection of g = dout * gamma / std that removes its mean and its component along
    x_hat (the two directions the normalisation is blind to), along ``axis``.
    """
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    x_hat, std = _normalise(x, axis, eps)
    g = dout * gamma
    dx = (g - np.mean(g, axis=axis, keepdims=True)
          - x_hat * np.mean(g * x_hat, axis=axis, keepdims=True)) / std
    return dx, np.einsum("nd,nd->d", dout, x_hat), np.einsum("nd->d", dout)


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    """(dx, dgamma, dbeta) of a training-mode batch normalisation."""
    return _backward(dout, x, gamma, eps, 0)


def layernorm_forward(x, gamma, beta, eps=1e-5):
    """Each row normalised with its own mean and biased variance; returns out, float64."""
    x = np.asarray(x, dtype=np.float64)
    x_hat, _ = _normalise(x, -1, eps)
    return np.asarray(gamma, dtype=np.float64) * x_hat + np.asarray(beta, dtype=np.float64)


def layernorm_backward(dout, x, gamma, eps=1e-5):
    """(dx, dgamma, dbeta) of layer normalisation."""
    return _backward(dout, x, gamma, eps, -1)
