"""Forward and backward computed in float32 by accumulating strided slices per kernel offset; float32 results."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    x32 = np.asarray(x, dtype=np.float32)
    w32 = np.asarray(w, dtype=np.float32)
    N, C, H, W = x32.shape
    F, _, KH, KW = w32.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x32, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, Ho, Wo), dtype=np.float32)
    for u in range(KH):
        for v in range(KW):
            sl = xp[:, :, u:u + stride * (Ho - 1) + 1:stride, v:v + stride * (Wo - 1) + 1:stride]
            out += np.einsum("nchw,fc->nfhw", sl, w32[:, :, u, v])
    out += np.asarray(b, dtype=np.float32)[None, :, None, None]
    return out, (xp, w32, stride, pad, H, W)


def conv_backward(dout, cache):
    xp, w32, stride, pad, H, W = cache
    d = np.asarray(dout, dtype=np.float32)
    F, C, KH, KW = w32.shape
    Ho, Wo = d.shape[2], d.shape[3]
    dxp = np.zeros(xp.shape, dtype=np.float32)
    dw = np.zeros(w32.shape, dtype=np.float32)
    for u in range(KH):
        for v in range(KW):
            rows = slice(u, u + stride * (Ho - 1) + 1, stride)
            colsl = slice(v, v + stride * (Wo - 1) + 1, stride)
            dw[:, :, u, v] = np.einsum("nfhw,nchw->fc", d, xp[:, :, rows, colsl])
            dxp[:, :, rows, colsl] += np.einsum("nfhw,fc->nchw", d, w32[:, :, u, v])
    db = d.sum(axis=(0, 2, 3), dtype=np.float32)
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, db
