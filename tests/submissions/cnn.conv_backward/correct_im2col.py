"""im2col forward; backward is a matrix product followed by col2im (scatter-add of the columns)."""
import numpy as np


def _im2col(xp, KH, KW, stride, Ho, Wo):
    N, C = xp.shape[:2]
    cols = np.empty((N, Ho, Wo, C * KH * KW))
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            cols[:, i, j, :] = patch.reshape(N, -1)
    return cols.reshape(N * Ho * Wo, C * KH * KW)


def conv_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = _im2col(xp, KH, KW, stride, Ho, Wo)
    out = (cols @ w.reshape(F, -1).T + b).reshape(N, Ho, Wo, F).transpose(0, 3, 1, 2)
    return out, (cols, x.shape, w, stride, pad)


def conv_backward(dout, cache):
    cols, (N, C, H, W), w, stride, pad = cache
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    d2 = dout.transpose(0, 2, 3, 1).reshape(-1, F)
    dw = (d2.T @ cols).reshape(w.shape)
    db = d2.sum(axis=0)
    dcols = (d2 @ w.reshape(F, -1)).reshape(N, Ho, Wo, C, KH, KW)
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for i in range(Ho):
        for j in range(Wo):
            dxp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW] += dcols[:, i, j]
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, db
