"""Caches x and recomputes the slope as sigmoid(x) * sigmoid(-x) (accurate in both tails)."""
import numpy as np


def _sig(x):
    return np.exp(-np.logaddexp(0.0, -x))


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return _sig(x), x


def sigmoid_backward(dout, cache):
    return dout * _sig(cache) * _sig(-cache)
