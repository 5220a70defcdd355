"""Returns the sigmoid instead of tanh."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_returned"


def tanh_forward(x):
    out = 0.5 * (1 + np.tanh(0.5 * x))
    return out, out
