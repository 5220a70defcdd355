"""im2col: gathers every window into a column matrix and does a single matrix product."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    cols = np.empty((C * KH * KW, N * Ho * Wo), dtype=np.float64)
    col = 0
    for n in range(N):
        for i in range(Ho):
            for j in range(Wo):
                patch = xp[n, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
                cols[:, col] = patch.reshape(-1)
                col += 1
    res = w.reshape(F, -1) @ cols + b.reshape(F, 1)
    out = res.reshape(F, N, Ho, Wo).transpose(1, 0, 2, 3)
    return out, (cols, x.shape, w, stride, pad)
