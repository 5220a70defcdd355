"""Uses the tanh approximation of GELU instead of the exact x * Phi(x)."""
import numpy as np

EXPECTED_MISTAKE = "tanh_approximation"


def gelu_forward(x):
    c = np.sqrt(2 / np.pi)
    with np.errstate(over="ignore"):
        out = 0.5 * x * (1 + np.tanh(c * (x + 0.044715 * x ** 3)))
    return out, x
