"""Unit `cnn`: the convolutional layer, forward and backward.

Layout: images are NCHW, x has shape (N, C, H, W); the filters w have shape
(F, C, KH, KW); the bias b has shape (F,). "Convolution" means
cross-correlation, as in every deep-learning framework: the kernel is not
flipped.

Course: seed 003 §10 (§10.1 Edge detection, §10.2 Padding, §10.3 Stride,
§10.4 three dimensions, §10.5 One layer of a Convolutional Neural Network).
"""
import numpy as np


def conv_forward(x, w, b, stride=1, pad=0):
    """Forward pass of a convolutional layer (cross-correlation).

    The input is zero-padded by `pad` pixels on all four sides. Filter f is
    then slid over the padded image, moving `stride` pixels at a time; at
    output position (i, j) its value is the sum over channels c and kernel
    offsets (k, l) of w[f, c, k, l] times the padded input at
    (c, i*stride + k, j*stride + l), plus b[f].
    The output height is Ho = (H + 2*pad - KH) // stride + 1 (rounded down)
    and the output width Wo = (W + 2*pad - KW) // stride + 1.

    Inputs:
    - x: array of shape (N, C, H, W), float32 or float64; input images.
    - w: array of shape (F, C, KH, KW); F filters.
    - b: array of shape (F,); one bias per filter.
    - stride: int >= 1; step between neighbouring windows (both directions).
    - pad: int >= 0; number of zero rows/columns added on every side.

    Returns a tuple (out, cache):
    - out: array of shape (N, F, Ho, Wo).
    - cache: anything conv_backward will need (your choice).

    Edge cases: the geometry always satisfies H + 2*pad >= KH and
    W + 2*pad >= KW, so Ho, Wo >= 1; H and W may differ (as may KH and
    KW); when the stride does not divide evenly, the last rows/columns that
    no window reaches are ignored. The inputs must not be modified.

    Course: seed 003 §10.2 Padding, §10.3 Stride, §10.5 One layer of a CNN.
    """
    # Hint: np.pad pads chosen axes; np.tensordot contracts chosen axes.
    ### BEGIN SOLUTION
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    out = np.zeros((N, F, Ho, Wo), dtype=np.result_type(x, w, b))
    for i in range(Ho):
        top = i * stride
        for j in range(Wo):
            left = j * stride
            window = xp[:, :, top:top + KH, left:left + KW]
            # (N, C, KH, KW) against (F, C, KH, KW) -> (N, F)
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3]))
    out += b.reshape(1, F, 1, 1)
    cache = (x, w, b, stride, pad)
    return out, cache
    ### END SOLUTION


def conv_backward(dout, cache):
    """Backward pass of a convolutional layer.

    Let L = sum(out * dout). Every output value out[n, f, i, j] used one
    window of the padded input and the whole filter f, so:
    - the filter gradient dw[f] collects, over all samples and positions,
      dout[n, f, i, j] times the input window it saw;
    - the padded-input gradient receives dout[n, f, i, j] times w[f] added
      onto that window (windows overlap when stride < kernel size, so the
      contributions must be accumulated, not assigned); dx is the padded
      gradient with the `pad` border removed;
    - db[f] is the sum of dout[:, f] over the batch and both spatial axes.

    Inputs:
    - dout: array of shape (N, F, Ho, Wo); upstream gradient.
    - cache: the cache returned by conv_forward.

    Returns a tuple (dx, dw, db):
    - dx: array of shape (N, C, H, W), same shape as x.
    - dw: array of shape (F, C, KH, KW), same shape as w.
    - db: array of shape (F,), same shape as b.

    Edge cases: pad may be 0 (careful: a slice like a[pad:-pad] is empty
    then). Gradients are summed over the batch, not averaged. The inputs
    (and the cache) must not be modified.

    Course: seed 003 §10.2 Padding, §10.3 Stride, §10.5 One layer of a CNN.
    """
    ### BEGIN SOLUTION
    x, w, b, stride, pad = cache
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)), mode="constant")
    dxp = np.zeros(xp.shape, dtype=np.result_type(dout, w))
    dw = np.zeros(w.shape, dtype=np.result_type(dout, x))
    for i in range(Ho):
        top = i * stride
        for j in range(Wo):
            left = j * stride
            d = dout[:, :, i, j]  # (N, F)
            # (N, F) against (F, C, KH, KW) -> (N, C, KH, KW)
            dxp[:, :, top:top + KH, left:left + KW] += np.tensordot(d, w, axes=([1], [0]))
            # (N, F) against (N, C, KH, KW) -> (F, C, KH, KW)
            window = xp[:, :, top:top + KH, left:left + KW]
            dw += np.tensordot(d, window, axes=([0], [0]))
    dx = dxp[:, :, pad:pad + H, pad:pad + W].copy()
    db = np.sum(dout, axis=(0, 2, 3))
    return dx, dw, db
    ### END SOLUTION
