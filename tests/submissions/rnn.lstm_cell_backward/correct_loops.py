"""Per-sample loop with outer products for the weight gradients."""
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
    c = f * c_prev + i * c_tilde
    h = o * np.tanh(c)
    cache = (z, c_prev, f, i, c_tilde, o, c, a_c, params)
    return h, c, cache


def lstm_cell_backward(dh, dc, cache):
    z, c_prev, f, i, c_tilde, o, c, a_c, params = cache
    N, H = c.shape
    grads = {"dW" + k: np.zeros(params["W" + k].shape) for k in "fico"}
    grads.update({"db" + k: np.zeros(H) for k in "fico"})
    dz = np.zeros(z.shape)
    dc_prev = np.zeros((N, H))
    for n in range(N):
        tc = np.tanh(c[n])
        dct = dc[n] + dh[n] * o[n] * (1.0 - tc ** 2)
        dc_prev[n] = dct * f[n]
        local = {
            "f": dct * c_prev[n] * f[n] * (1.0 - f[n]),
            "i": dct * c_tilde[n] * i[n] * (1.0 - i[n]),
            "c": dct * i[n] * (1.0 - c_tilde[n] ** 2),
            "o": dh[n] * tc * o[n] * (1.0 - o[n]),
        }
        for k in "fico":
            grads["dW" + k] += np.outer(local[k], z[n])
            grads["db" + k] += local[k]
            dz[n] += params["W" + k].T @ local[k]
    grads["dh_prev"] = dz[:, :H]
    grads["dx"] = dz[:, H:]
    grads["dc_prev"] = dc_prev
    return grads
