"""Lying output: a class whose __float__, __len__, __iter__, __array__ and __class__ all lie.

It claims to be a numpy.ndarray (through a __class__ property, which fools isinstance),
exposes an __array_interface__ pointing at a bogus address with a huge shape, returns a
negative __len__ and an endless __iter__, and converts to 0.25 with float(). A grader that
converts it with numpy in its own process would read wild memory or hang.
"""
import itertools

import numpy as np

_calls = itertools.count()


class Impostor:
    @property
    def __class__(self):
        return np.ndarray

    @property
    def __array_interface__(self):
        return {"shape": (1 << 20, 1 << 20), "typestr": "<f8", "data": (0x1000, False), "version": 3}

    def __array__(self, dtype=None, copy=None):
        return np.full((3,), 0.25)

    def __float__(self):
        return 0.25

    def __len__(self):
        return -1

    def __iter__(self):
        return itertools.repeat(0.25)

    def __getitem__(self, i):
        return self

    def __eq__(self, other):
        return True


class SmallImpostor(Impostor):
    @property
    def __array_interface__(self):
        raise AttributeError("no interface")

    def __len__(self):
        return 3


def softmax(x, axis=-1):
    return Impostor() if next(_calls) % 2 == 0 else SmallImpostor()


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
