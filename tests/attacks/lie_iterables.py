"""Lying output: generators, iterators and buffers instead of arrays.

Calls cycle through a generator of rows, an endless iterator, map and range objects, a
memoryview and bytes of a float array, an array.array, and an iterable whose __len__
claims 10**18 items and whose __iter__ never ends. A grader that calls list() or
np.asarray() on a result would hang or blow up.
"""
import array
import itertools

import numpy as np

_calls = itertools.count()


class Endless:
    def __len__(self):
        return 10 ** 18

    def __iter__(self):
        return itertools.repeat(0.25)

    def __getitem__(self, i):
        return 0.25


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    k = next(_calls) % 7
    uniform = np.full(x.shape, 1.0 / max(x.shape[axis], 1) if x.ndim else 1.0)
    if k == 0:
        return (row for row in uniform)
    if k == 1:
        return itertools.repeat(0.25)
    if k == 2:
        return map(float, uniform.ravel())
    if k == 3:
        return memoryview(uniform)
    if k == 4:
        return uniform.tobytes()
    if k == 5:
        return array.array("d", uniform.ravel())
    return Endless()


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
