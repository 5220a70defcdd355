"""dx as a full correlation of the stride-dilated dout with the flipped kernel; dw via an einsum over strided window views; the cache keeps the padded input."""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    F, C, KH, KW = w.shape
    H, W = x.shape[2], x.shape[3]
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(np.asarray(x, dtype=np.float64), ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = np.lib.stride_tricks.sliding_window_view(xp, (KH, KW), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :Ho, :Wo]
    out = np.einsum("nchwij,fcij->nfhw", win, w) + b[None, :, None, None]
    return out, {"xp": xp, "w": w, "stride": stride, "pad": pad}


def conv_backward(dout, cache):
    xp, w, s, pad = cache["xp"], cache["w"], cache["stride"], cache["pad"]
    N, C, Hp, Wp = xp.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    win = np.lib.stride_tricks.sliding_window_view(xp, (KH, KW), axis=(2, 3))[:, :, ::s, ::s][:, :, :Ho, :Wo]
    dw = np.einsum("nfhw,nchwij->fcij", dout, win)
    db = np.einsum("nfhw->f", dout)
    # dilate dout by the stride, pad by kernel-1 and correlate with the flipped kernel
    Hd, Wd = (Ho - 1) * s + 1, (Wo - 1) * s + 1
    dil = np.zeros((N, F, Hd + 2 * (KH - 1), Wd + 2 * (KW - 1)))
    dil[:, :, KH - 1:KH - 1 + Hd:s, KW - 1:KW - 1 + Wd:s] = dout
    wf = w[:, :, ::-1, ::-1]
    dwin = np.lib.stride_tricks.sliding_window_view(dil, (KH, KW), axis=(2, 3))
    covered = np.einsum("nfhwij,fcij->nchw", dwin, wf)
    dxp = np.zeros((N, C, Hp, Wp))
    dxp[:, :, :covered.shape[2], :covered.shape[3]] = covered
    H, W = Hp - 2 * pad, Wp - 2 * pad
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, db
