"""Reference triplet loss on squared Euclidean distances, summed over the batch."""

import numpy as np


def _terms(anchor, positive, negative, margin):
    a = np.asarray(anchor, dtype=np.float64)
    p = np.asarray(positive, dtype=np.float64)
    n = np.asarray(negative, dtype=np.float64)
    d_ap = np.sum((a - p) ** 2, axis=-1)
    d_an = np.sum((a - n) ** 2, axis=-1)
    return a, p, n, d_ap - d_an + margin


def triplet_loss(anchor, positive, negative, margin=0.2):
    """sum_i max(0, |a_i - p_i|^2 - |a_i - n_i|^2 + margin).

    anchor, positive, negative (N, D); returns a Python float (0.0 at N = 0).
    """
    _, _, _, arg = _terms(anchor, positive, negative, margin)
    return float(np.sum(np.maximum(arg, 0.0)))


def triplet_loss_grad(anchor, positive, negative, margin=0.2):
    """Gradients (da, dp, dn), each (N, D), of triplet_loss.

    A triplet contributes only where its hinge argument is strictly positive
    (at exactly 0 the gradient is 0, as for torch's relu).
    """
    a, p, n, arg = _terms(anchor, positive, negative, margin)
    active = (arg > 0).astype(np.float64)[..., None]
    dp = -2.0 * (a - p) * active
    dn = 2.0 * (a - n) * active
    da = -(dp + dn)
    return da, dp, dn
