"""Reference 2-D convolution (cross-correlation), NCHW, via strided windows."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv_output_size(size, kernel, stride, pad):
    """Output length along one axis: (size + 2*pad - kernel) // stride + 1."""
    return (int(size) + 2 * int(pad) - int(kernel)) // int(stride) + 1


def _windows(x, KH, KW, stride, pad):
    """Read-only view (N, C, Ho, Wo, KH, KW) of the padded input's windows."""
    if pad:
        x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = sliding_window_view(x, (KH, KW), axis=(2, 3))
    return win[:, :, ::stride, ::stride]


def conv_forward(x, w, b, stride=1, pad=0):
    """Cross-correlation of x with w plus b.

    x (N, C, H, W), w (F, C, KH, KW), b (F,) -> out (N, F, Ho, Wo) with
    Ho = (H + 2*pad - KH) // stride + 1 and likewise Wo. N may be 0.
    """
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    stride, pad = int(stride), int(pad)
    F, C, KH, KW = w.shape
    win = _windows(x, KH, KW, stride, pad)
    # (N, Ho, Wo, F) -> (N, F, Ho, Wo)
    out = np.tensordot(win, w, axes=([1, 4, 5], [1, 2, 3]))
    out = out.transpose(0, 3, 1, 2) + b.reshape(1, F, 1, 1)
    return np.ascontiguousarray(out)


def conv_backward(dout, x, w, b, stride=1, pad=0):
    """Gradients of sum(out * dout) for out = conv_forward(x, w, b, stride, pad).

    dout (N, F, Ho, Wo) -> dx (N, C, H, W), dw (F, C, KH, KW), db (F,).
    Input rows/columns that no window covers (floor geometry) get zero dx.
    """
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    stride, pad = int(stride), int(pad)
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]

    win = _windows(x, KH, KW, stride, pad)
    dw = np.tensordot(dout, win, axes=([0, 2, 3], [0, 2, 3]))  # (F, C, KH, KW)
    db = dout.sum(axis=(0, 2, 3))

    # Per-window input gradients (N, C, KH, KW, Ho, Wo), scattered back one
    # kernel offset at a time (KH*KW slice additions, no per-element loop).
    dcols = np.tensordot(w, dout, axes=([0], [1])).transpose(3, 0, 1, 2, 4, 5)
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=np.float64)
    h_end, w_end = stride * (Ho - 1) + 1, stride * (Wo - 1) + 1
    for i in range(KH):
        for j in range(KW):
            dxp[:, :, i:i + h_end:stride, j:j + w_end:stride] += dcols[:, :, i, j]
    dx = dxp[:, :, pad:pad + H, pad:pad + W].copy()
    return dx, dw, db
