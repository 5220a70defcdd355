"""Lying output: zero-stride views that claim billions of elements.

numpy.lib.stride_tricks.as_strided over one float gives arrays of shape (2**31, 2**31) or
(10**12,) that occupy eight bytes; a grader that copies, compares or serialises them
naively allocates terabytes. Calls alternate between such giants and small zero-stride
views of x's shape holding a wrong constant.
"""
import itertools

import numpy as np
from numpy.lib.stride_tricks import as_strided

_calls = itertools.count()


def softmax(x, axis=-1):
    x = np.asarray(x)
    one = np.array([0.25])
    k = next(_calls) % 3
    if k == 0:
        return as_strided(one, shape=(2 ** 31, 2 ** 31), strides=(0, 0))
    if k == 1:
        return as_strided(one, shape=(10 ** 12,), strides=(0,))
    return as_strided(one, shape=x.shape, strides=(0,) * x.ndim)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
