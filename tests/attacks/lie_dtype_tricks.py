"""Lying output: the right numbers in dtypes the grader must refuse.

Calls cycle through the correct softmax as complex128 (correct real part), float16,
longdouble, a structured array with a float field, a datetime64 array, a big-endian view
of garbage and an int view of the float bits. Only float32/float64 results count, so even
the correct values in these dtypes must not earn marks.
"""
import itertools

import numpy as np

_calls = itertools.count()


def _right(x, axis):
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.zeros(x.shape)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def softmax(x, axis=-1):
    good = _right(x, axis)
    k = next(_calls) % 6
    if k == 0:
        return good.astype(np.complex128)
    if k == 1:
        return good.astype(np.float16)
    if k == 2:
        return good.astype(np.longdouble)
    if k == 3:
        out = np.zeros(good.shape, dtype=[("p", "<f8")])
        out["p"] = good
        return out
    if k == 4:
        return good.astype("datetime64[ns]")
    return good.view(np.int64)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
