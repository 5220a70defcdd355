"""Forward and backward in float32 (inputs cast to float32); float32 gradients."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    f32 = np.float32
    p = {k: np.asarray(v, dtype=f32) for k, v in params.items()}
    z = np.concatenate([np.asarray(h_prev, dtype=f32), np.asarray(x, dtype=f32)], axis=1)
    cp = np.asarray(c_prev, dtype=f32)

    def sigmoid(a):
        return f32(0.5) * (f32(1.0) + np.tanh(f32(0.5) * a))

    f = sigmoid(z @ p["Wf"].T + p["bf"])
    i = sigmoid(z @ p["Wi"].T + p["bi"])
    g = np.tanh(z @ p["Wc"].T + p["bc"])
    o = sigmoid(z @ p["Wo"].T + p["bo"])
    c = f * cp + i * g
    h = o * np.tanh(c)
    return h, c, (z, cp, f, i, g, o, c, p)


def lstm_cell_backward(dh, dc, cache):
    z, cp, f, i, g, o, c, p = cache
    f32 = np.float32
    dh = np.asarray(dh, dtype=f32)
    dc = np.asarray(dc, dtype=f32)
    H = c.shape[1]
    one = f32(1.0)
    tc = np.tanh(c)
    dct = dc + dh * o * (one - tc * tc)
    da = {"f": dct * cp * f * (one - f), "i": dct * g * i * (one - i),
          "c": dct * i * (one - g * g), "o": dh * tc * o * (one - o)}
    res = {"dc_prev": dct * f}
    dz = np.zeros(z.shape, dtype=f32)
    for k in "fico":
        res["dW" + k] = da[k].T @ z
        res["db" + k] = da[k].sum(axis=0, dtype=f32)
        dz += da[k] @ p["W" + k]
    res["dh_prev"] = dz[:, :H]
    res["dx"] = dz[:, H:]
    return res
