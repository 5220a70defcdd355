"""Lying output: NaN, infinities, signalling NaNs, negative zeros and denormals.

A check written as `not (abs(a - b) > tol)` or one that skips non-finite entries passes
NaN. Calls cycle through all-NaN results, NaN with a payload (a signalling NaN bit
pattern), +-inf, NaN mixed into a plausible distribution, and -0.0 / denormals.
"""
import itertools

import numpy as np

_calls = itertools.count()


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    k = next(_calls) % 5
    if k == 0:
        return np.full(x.shape, np.nan)
    if k == 1:
        return np.full(x.shape, 0x7FF0000000000001, dtype=np.uint64).view(np.float64)
    if k == 2:
        return np.where(np.arange(x.size).reshape(x.shape) % 2 == 0, np.inf, -np.inf) if x.size else x
    if k == 3:
        out = np.full(x.shape, 1.0 / max(x.shape[axis], 1))
        out.reshape(-1)[::2] = np.nan
        return out
    return np.full(x.shape, -0.0) + np.full(x.shape, 5e-324)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
