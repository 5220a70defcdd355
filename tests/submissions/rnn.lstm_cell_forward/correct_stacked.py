"""Stacks the four weight matrices into one (4H, H + D) matrix and does a single matrix product."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    H = h_prev.shape[1]
    W = np.vstack([params["Wf"], params["Wi"], params["Wc"], params["Wo"]])
    b = np.concatenate([params["bf"], params["bi"], params["bc"], params["bo"]])
    z = np.hstack([h_prev, x])
    a = z @ W.T + b
    sig = 1.0 / (1.0 + np.exp(-np.clip(a, -500, 500)))
    f, i, o = sig[:, :H], sig[:, H:2 * H], sig[:, 3 * H:]
    c_tilde = np.tanh(a[:, 2 * H:3 * H])
    c = f * c_prev + i * c_tilde
    h = o * np.tanh(c)
    return h, c, {"z": z, "gates": (f, i, c_tilde, o), "c_prev": c_prev, "c": c, "W": W}
