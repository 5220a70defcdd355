"""Fully explicit loops over sample, filter, output position, channel and kernel offset."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad:pad + H, pad:pad + W] = x
    out = np.empty((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    s = float(b[f])
                    for c in range(C):
                        for u in range(KH):
                            for v in range(KW):
                                s += xp[n, c, i * stride + u, j * stride + v] * w[f, c, u, v]
                    out[n, f, i, j] = s
    return out, {"xp": xp, "w": np.array(w, dtype=np.float64), "stride": stride, "pad": pad, "H": H, "W": W}


def conv_backward(dout, cache):
    xp, w, stride, pad = cache["xp"], cache["w"], cache["stride"], cache["pad"]
    H, W = cache["H"], cache["W"]
    N, C = xp.shape[:2]
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    db = np.zeros(F)
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    g = float(dout[n, f, i, j])
                    db[f] += g
                    for c in range(C):
                        for u in range(KH):
                            for v in range(KW):
                                hi, wj = i * stride + u, j * stride + v
                                dw[f, c, u, v] += g * xp[n, c, hi, wj]
                                dxp[n, c, hi, wj] += g * w[f, c, u, v]
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, db
