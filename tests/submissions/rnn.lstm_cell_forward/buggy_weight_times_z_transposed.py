"""Computes W @ z.T + b, giving (H, N) gates: raises unless N == H and is then wrong."""
import numpy as np


def _sigmoid(a):
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    f = _sigmoid(params["Wf"] @ z.T + params["bf"])
    i = _sigmoid(params["Wi"] @ z.T + params["bi"])
    c_tilde = np.tanh(params["Wc"] @ z.T + params["bc"])
    o = _sigmoid(params["Wo"] @ z.T + params["bo"])
    c = f * c_prev + i * c_tilde
    h = o * np.tanh(c)
    return h, c, (z, c_prev, f, i, c_tilde, o, c)
