"""Splits every weight into its h_prev block W[:, :H] and x block W[:, H:] instead of concatenating."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    H = h_prev.shape[1]

    def pre(name):
        W = params["W" + name]
        return h_prev @ W[:, :H].T + x @ W[:, H:].T + params["b" + name]

    def sigmoid(a):
        out = np.empty_like(a, dtype=np.float64)
        pos = a >= 0
        out[pos] = 1.0 / (1.0 + np.exp(-a[pos]))
        e = np.exp(a[~pos])
        out[~pos] = e / (1.0 + e)
        return out

    f, i, o = sigmoid(pre("f")), sigmoid(pre("i")), sigmoid(pre("o"))
    c_tilde = np.tanh(pre("c"))
    c = f * c_prev + i * c_tilde
    h = o * np.tanh(c)
    return h, c, (x, h_prev, c_prev, f, i, c_tilde, o, c)
