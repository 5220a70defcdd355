"""Objects the grader asks the worker to build for a student function to use.

Some exercises take more than arrays: ``numerical_gradient(f, x)`` takes a
function, the initialisers and dropout take a ``numpy.random.Generator``. Code
never crosses the wire, so the grader names one of these builders instead
(module ``@probe`` of a ``call`` request); the worker builds the object, keeps
it, and passes it to the student function wherever its handle appears. The
grader imports this same module to compute what the object does.

Needs only numpy: it runs inside the sandbox next to ``worker_main.py``.
"""

import numpy as np


class SmoothFunction:
    """f(x) = sum(a*x + b*sin(w*x) + c*x**2) + xf @ Q @ xf, with xf = x flattened.

    A smooth scalar function of an array of one fixed shape, with coupled
    coordinates (through Q) and curvature of known size, so that central
    differences of it can be predicted to within rounding. Calling it with an
    array of another shape raises ValueError; ``calls()`` says how often it was
    called.
    """

    def __init__(self, a, b, w, c, Q):
        self.a, self.b, self.w, self.c = (np.asarray(v, dtype=np.float64) for v in (a, b, w, c))
        self.Q = np.asarray(Q, dtype=np.float64)
        self._calls = 0

    def __call__(self, x):
        self._calls += 1
        x = np.array(x, dtype=np.float64)
        if x.shape != self.a.shape:
            raise ValueError(f"f expects an array of shape {self.a.shape} (the shape of x), "
                             f"got shape {x.shape}")
        xf = x.ravel()
        return float(np.sum(self.a * x + self.b * np.sin(self.w * x) + self.c * x * x)
                     + xf @ self.Q @ xf)

    def gradient(self, x):
        """The exact gradient (for the grader; the student never needs it)."""
        x = np.array(x, dtype=np.float64)
        xf = x.ravel()
        quad = ((self.Q + self.Q.T) @ xf).reshape(x.shape)
        return self.a + self.b * self.w * np.cos(self.w * x) + 2 * self.c * x + quad

    def calls(self):
        return self._calls


def default_rng(seed):
    """A fresh numpy Generator (PCG64) seeded with ``seed``."""
    return np.random.default_rng(int(seed))


def smooth_function(a, b, w, c, Q):
    return SmoothFunction(a, b, w, c, Q)


#: The builders a request may name.
BUILDERS = {"default_rng": default_rng, "smooth_function": smooth_function}
