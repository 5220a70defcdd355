"""Forgets the output-gate term when back-propagating into [h_prev, x] (dz)."""
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
    H = c.shape[1]
    tc = np.tanh(c)
    do = dh * tc
    dc_total = dc + dh * o * (1 - tc ** 2)
    df = dc_total * c_prev
    di = dc_total * c_tilde
    dct = dc_total * i
    dc_prev = dc_total * f
    da = {
        "f": df * f * (1 - f),
        "i": di * i * (1 - i),
        "c": dct * (1 - c_tilde ** 2),
        "o": do * o * (1 - o),
    }
    grads = {}
    dz = np.zeros_like(z, dtype=np.float64)
    for name in ("f", "i", "c", "o"):
        grads["dW" + name] = da[name].T @ z
        grads["db" + name] = da[name].sum(axis=0)
        if name != "o":
            dz += da[name] @ params["W" + name]
    grads["dh_prev"] = dz[:, :H]
    grads["dx"] = dz[:, H:]
    grads["dc_prev"] = dc_prev
    return grads
