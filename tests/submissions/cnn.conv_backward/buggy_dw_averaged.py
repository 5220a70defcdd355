"""Divides the kernel gradient by the batch size."""
import numpy as np

EXPECTED_MISTAKE = "dw_averaged"


def conv_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            hs, ws = i * stride, j * stride
            window = xp[:, :, hs:hs + KH, ws:ws + KW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    cache = (x, w, b, stride, pad)
    return out, cache


def conv_backward(dout, cache):
    x, w, b, stride, pad = cache
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    for i in range(Ho):
        for j in range(Wo):
            hs, ws = i * stride, j * stride
            window = xp[:, :, hs:hs + KH, ws:ws + KW]
            d = dout[:, :, i, j]
            dw += np.tensordot(d, window, axes=([0], [0]))
            dxp[:, :, hs:hs + KH, ws:ws + KW] += np.tensordot(d, w, axes=([1], [0]))
    dw /= N
    db = dout.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
