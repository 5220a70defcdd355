"""Works on a flat copy of x and calls f with the flat vector."""
import numpy as np

EXPECTED_MISTAKE = "flattened_call"


def numerical_gradient(f, x, h=1e-5):
    flat = np.asarray(x, dtype=np.float64).ravel().copy()
    grad = np.zeros_like(flat)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        fp = f(flat)
        flat[i] = old - h
        fm = f(flat)
        flat[i] = old
        grad[i] = (fp - fm) / (2 * h)
    return grad.reshape(np.shape(x))
