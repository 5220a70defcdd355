"""Stacked (4H, H + D) weight matrix; one matrix product for all gate gradients, then split."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    H = h_prev.shape[1]
    W = np.vstack([params["Wf"], params["Wi"], params["Wc"], params["Wo"]])
    b = np.concatenate([params["bf"], params["bi"], params["bc"], params["bo"]])
    z = np.hstack([h_prev, x])
    a = z @ W.T + b
    sig = np.exp(-np.logaddexp(0.0, -a))
    f, i, o = sig[:, :H], sig[:, H:2 * H], sig[:, 3 * H:]
    g = np.tanh(a[:, 2 * H:3 * H])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, {"z": z, "W": W, "f": f, "i": i, "g": g, "o": o, "c_prev": c_prev, "tanh_c": np.tanh(c)}


def lstm_cell_backward(dh, dc, cache):
    z, W = cache["z"], cache["W"]
    f, i, g, o = cache["f"], cache["i"], cache["g"], cache["o"]
    tc = cache["tanh_c"]
    H = f.shape[1]
    dct = dc + dh * o * (1.0 - tc * tc)
    da = np.concatenate([
        dct * cache["c_prev"] * f * (1.0 - f),
        dct * g * i * (1.0 - i),
        dct * i * (1.0 - g * g),
        dh * tc * o * (1.0 - o),
    ], axis=1)
    dW = da.T @ z
    db = da.sum(axis=0)
    dz = da @ W
    out = {"dh_prev": dz[:, :H], "dx": dz[:, H:], "dc_prev": dct * f}
    for k, name in enumerate("fico"):
        out["dW" + name] = dW[k * H:(k + 1) * H]
        out["db" + name] = db[k * H:(k + 1) * H]
    return out
