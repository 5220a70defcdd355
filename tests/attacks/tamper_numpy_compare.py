"""In-process tampering: make every numpy comparison say "equal", then return garbage.

Patches numpy.allclose, isclose, array_equal, array_equiv, the numpy.testing assertions and
ndarray-free helpers (numpy.all, numpy.isfinite) so that any check done in this process
passes. A grader that compares inside the worker process would give full marks to this wrong
softmax (it returns its input unchanged).
"""
import numpy as np
import numpy.testing as npt


def _true(*args, **kwargs):
    return True


def _none(*args, **kwargs):
    return None


for _name in ("allclose", "array_equal", "array_equiv"):
    setattr(np, _name, _true)
np.isclose = lambda a, b, *args, **kwargs: np.ones(np.broadcast(a, b).shape, dtype=bool)
np.all = _true
np.isfinite = lambda a, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
for _name in ("assert_allclose", "assert_array_almost_equal", "assert_array_equal",
              "assert_almost_equal", "assert_equal", "assert_array_less"):
    setattr(npt, _name, _none)
    setattr(np.testing, _name, _none)


def softmax(x, axis=-1):
    return np.array(x, dtype=np.float64, copy=True)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
