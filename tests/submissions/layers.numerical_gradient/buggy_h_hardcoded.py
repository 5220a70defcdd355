"""Ignores the argument h and always uses 1e-5."""
import numpy as np

EXPECTED_MISTAKE = "h_hardcoded"


def numerical_gradient(f, x, h=1e-5):
    step = 1e-5
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + step
        fp = f(x)
        x[idx] = old - step
        fm = f(x)
        x[idx] = old
        grad[idx] = (fp - fm) / (2 * step)
    return grad
