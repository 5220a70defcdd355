"""Forward and backward in float32 (inputs cast to float32), with saturation-safe derivatives s(a)s(-a) and 1/cosh(a)^2; float32 gradients."""
import numpy as np


def _sig32(a):
    e = np.exp(-np.abs(a))
    one = np.float32(1.0)
    return np.where(a >= 0, one / (one + e), e / (one + e)).astype(np.float32)


def _dtanh32(a):
    with np.errstate(over="ignore"):
        return (np.float32(1.0) / np.cosh(a)) ** 2


def lstm_cell_forward(x, h_prev, c_prev, params):
    f32 = np.float32
    p = {k: np.asarray(v, dtype=f32) for k, v in params.items()}
    z = np.concatenate([np.asarray(h_prev, dtype=f32), np.asarray(x, dtype=f32)], axis=1)
    cp = np.asarray(c_prev, dtype=f32)
    a = {k: z @ p["W" + k].T + p["b" + k] for k in "fico"}
    f, i, o = _sig32(a["f"]), _sig32(a["i"]), _sig32(a["o"])
    g = np.tanh(a["c"])
    c = f * cp + i * g
    h = o * np.tanh(c)
    return h, c, (z, cp, a, c, p)


def lstm_cell_backward(dh, dc, cache):
    z, cp, a, c, p = cache
    f32 = np.float32
    dh = np.asarray(dh, dtype=f32)
    dc = np.asarray(dc, dtype=f32)
    H = c.shape[1]
    f, i, o = _sig32(a["f"]), _sig32(a["i"]), _sig32(a["o"])
    g = np.tanh(a["c"])
    tc = np.tanh(c)
    dct = dc + dh * o * _dtanh32(c)
    da = {"f": dct * cp * f * _sig32(-a["f"]),
          "i": dct * g * i * _sig32(-a["i"]),
          "c": dct * i * _dtanh32(a["c"]),
          "o": dh * tc * o * _sig32(-a["o"])}
    res = {"dc_prev": dct * f}
    dz = np.zeros(z.shape, dtype=f32)
    for k in "fico":
        res["dW" + k] = da[k].T @ z
        res["db" + k] = da[k].sum(axis=0, dtype=f32)
        dz += da[k] @ p["W" + k]
    res["dh_prev"] = dz[:, :H]
    res["dx"] = dz[:, H:]
    return res
