"""Squashes the new cell state with tanh: c = tanh(f*c_prev + i*c_tilde)."""
import numpy as np


def _sigmoid(a):
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, params):
    z = np.concatenate([h_prev, x], axis=1)
    f = _sigmoid(z @ params["Wf"].T + params["bf"])
    i = _sigmoid(z @ params["Wi"].T + params["bi"])
    a_c = z @ params["Wc"].T + params["bc"]
    c_tilde = np.tanh(a_c)
    o = _sigmoid(z @ params["Wo"].T + params["bo"])
    c = np.tanh(f * c_prev + i * c_tilde)
    h = o * np.tanh(c)
    cache = (z, c_prev, f, i, c_tilde, o, c, a_c, params)
    return h, c, cache
