"""Splits each weight into h and x blocks at column D instead of H: only runs when D == H."""
import numpy as np


def _sigmoid(a):
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, params):
    D = x.shape[1]

    def pre(name):
        W = params["W" + name]
        return h_prev @ W[:, :D].T + x @ W[:, D:].T + params["b" + name]

    f = _sigmoid(pre("f"))
    i = _sigmoid(pre("i"))
    c_tilde = np.tanh(pre("c"))
    o = _sigmoid(pre("o"))
    c = f * c_prev + i * c_tilde
    h = o * np.tanh(c)
    return h, c, (x, h_prev, c_prev, f, i, c_tilde, o, c)
