"""Writes the derivative as exp(-x) / (1 + exp(-x))**2: inf / inf = nan for x < -709."""
import numpy as np

EXPECTED_MISTAKE = "derivative_exp_overflow"


def sigmoid_forward(x):
    x = np.asarray(x, dtype=np.float64)
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, 1 / (1 + z), z / (1 + z))
    return out, x


def sigmoid_backward(dout, cache):
    e = np.exp(-cache)
    return dout * e / (1 + e) ** 2
