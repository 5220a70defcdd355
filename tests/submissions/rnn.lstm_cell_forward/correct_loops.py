"""Per-sample, per-unit Python loops with dot products."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    N, H = h_prev.shape
    h = np.empty((N, H))
    c = np.empty((N, H))
    for n in range(N):
        z = np.concatenate([h_prev[n], x[n]])
        for k in range(H):
            af = np.dot(params["Wf"][k], z) + params["bf"][k]
            ai = np.dot(params["Wi"][k], z) + params["bi"][k]
            ac = np.dot(params["Wc"][k], z) + params["bc"][k]
            ao = np.dot(params["Wo"][k], z) + params["bo"][k]
            f = np.exp(-np.logaddexp(0.0, -af))
            i = np.exp(-np.logaddexp(0.0, -ai))
            o = np.exp(-np.logaddexp(0.0, -ao))
            c[n, k] = f * c_prev[n, k] + i * np.tanh(ac)
            h[n, k] = o * np.tanh(c[n, k])
    return h, c, None
