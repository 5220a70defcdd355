"""Makes the plus and minus copies once, before the loop, so the perturbations pile up."""
import numpy as np

EXPECTED_MISTAKE = "not_restored"


def numerical_gradient(f, x, h=1e-5):
    x = np.asarray(x, dtype=np.float64)
    plus = x.copy()
    minus = x.copy()
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        plus[idx] += h
        minus[idx] -= h
        grad[idx] = (f(plus) - f(minus)) / (2 * h)
    return grad
