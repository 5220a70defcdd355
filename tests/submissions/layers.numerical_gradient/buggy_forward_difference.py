"""Uses the one-sided difference (f(x + h e_i) - f(x)) / h, as in the course's 1-d example."""
import numpy as np

EXPECTED_MISTAKE = "forward_difference"


def numerical_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=np.float64)
    fx = f(x)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + h
        grad[idx] = (f(x) - fx) / h
        x[idx] = old
    return grad
