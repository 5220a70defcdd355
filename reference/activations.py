"""Reference softmax and log-softmax (shifted by the max along the axis)."""

import numpy as np


def softmax(x, axis=-1):
    """Softmax of x along `axis` (negative axes allowed).

    Any shape, including empty; returns a float64 array of x's shape. Each
    slice is shifted by its own max, so logits of 1e4 do not overflow.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.empty(x.shape, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    """log(softmax(x)) along `axis`, computed as x - logsumexp(x).

    Any shape, including empty; returns a float64 array of x's shape.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.empty(x.shape, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
