"""Keeps h_prev and x separate, splits each weight into its h and x blocks, and uses np.einsum."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    H = h_prev.shape[1]
    acts = {}
    for k in "fico":
        W = params["W" + k]
        acts[k] = np.einsum("nh,kh->nk", h_prev, W[:, :H]) + np.einsum("nd,kd->nk", x, W[:, H:]) + params["b" + k]
    f = 1.0 / (1.0 + np.exp(-np.clip(acts["f"], -700, 700)))
    i = 1.0 / (1.0 + np.exp(-np.clip(acts["i"], -700, 700)))
    o = 1.0 / (1.0 + np.exp(-np.clip(acts["o"], -700, 700)))
    g = np.tanh(acts["c"])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    cache = {"x": x, "h_prev": h_prev, "c_prev": c_prev, "gates": {"f": f, "i": i, "c": g, "o": o},
             "tanh_c": np.tanh(c), "params": params}
    return h, c, cache


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev = cache["x"], cache["h_prev"], cache["c_prev"]
    gt, tc, params = cache["gates"], cache["tanh_c"], cache["params"]
    H = h_prev.shape[1]
    f, i, g, o = gt["f"], gt["i"], gt["c"], gt["o"]
    dct = dc + dh * o * (1.0 - tc ** 2)
    da = {"f": dct * c_prev * f * (1 - f), "i": dct * g * i * (1 - i),
          "c": dct * i * (1 - g ** 2), "o": dh * tc * o * (1 - o)}
    out = {"dc_prev": dct * f,
           "dh_prev": np.zeros(h_prev.shape),
           "dx": np.zeros(x.shape)}
    for k in "fico":
        W = params["W" + k]
        out["dW" + k] = np.concatenate([np.einsum("nk,nh->kh", da[k], h_prev),
                                        np.einsum("nk,nd->kd", da[k], x)], axis=1)
        out["db" + k] = np.einsum("nk->k", da[k])
        out["dh_prev"] = out["dh_prev"] + np.einsum("nk,kh->nh", da[k], W[:, :H])
        out["dx"] = out["dx"] + np.einsum("nk,kd->nd", da[k], W[:, H:])
    return out
