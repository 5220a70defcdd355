"""Casts inputs to float32, accumulates over kernel offsets with strided slices in float32, returns float32."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    x32 = np.asarray(x, dtype=np.float32)
    w32 = np.asarray(w, dtype=np.float32)
    b32 = np.asarray(b, dtype=np.float32)
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
    out += b32.reshape(1, F, 1, 1)
    return out, (x32, w32, stride, pad)
