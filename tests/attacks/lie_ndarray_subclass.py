"""Lying output: an ndarray subclass whose every comparison and conversion lies.

__eq__ and the other comparisons always say "equal", __array__ and __array_function__ /
__array_ufunc__ hand back a perfect-looking uniform distribution or True, and shape, dtype,
size, tobytes and astype are overridden too. The data underneath is x itself (wrong).
"""
import numpy as np


class Liar(np.ndarray):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __le__ = __ge__ = __eq__
    __lt__ = __gt__ = __ne__

    def __bool__(self):
        return True

    def __array__(self, dtype=None, copy=None):
        base = np.asarray(self.view(np.ndarray))
        return np.full(base.shape, 1.0 / max(base.shape[-1] if base.ndim else 1, 1))

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return np.zeros(np.shape(inputs[0]))

    @property
    def dtype(self):
        return np.dtype(np.float64)

    @property
    def size(self):
        return 0

    def tobytes(self, order="C"):
        return b""

    def astype(self, *args, **kwargs):
        return self

    def __reduce__(self):
        return (print, ("ATTACK-SUCCEEDED unpickled in the grader",))


def softmax(x, axis=-1):
    return np.array(x, dtype=np.float64).view(Liar)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
