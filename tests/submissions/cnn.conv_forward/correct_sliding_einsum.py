"""Strided window view (sliding_window_view) contracted with the kernel by np.einsum."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    F, C, KH, KW = w.shape
    H, W = x.shape[2], x.shape[3]
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = np.lib.stride_tricks.sliding_window_view(xp, (KH, KW), axis=(2, 3))
    win = win[:, :, ::stride, ::stride][:, :, :Ho, :Wo]
    out = np.einsum("nchwij,fcij->nfhw", win, w) + b[None, :, None, None]
    return out, (x, w, b, stride, pad)
