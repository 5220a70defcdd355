"""Lying output: huge and deeply nested Python structures.

Calls cycle through a list nested 100 000 levels deep, a flat list of a million floats, a
dict with a hundred thousand keys, a self-referencing list and a tuple of ten thousand arrays.
A grader that serialises or walks results recursively would overflow its stack or memory.
"""
import itertools

import numpy as np

_calls = itertools.count()


def _deep(n):
    out = [0.25]
    for _ in range(n):
        out = [out]
    return out


def softmax(x, axis=-1):
    k = next(_calls) % 5
    if k == 0:
        return _deep(100_000)
    if k == 1:
        return [0.25] * 1_000_000
    if k == 2:
        return {f"k{i}": 0.25 for i in range(100_000)}
    if k == 3:
        loop = [0.25]
        loop.append(loop)
        return loop
    return tuple(np.zeros(3) for _ in range(10_000))


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
