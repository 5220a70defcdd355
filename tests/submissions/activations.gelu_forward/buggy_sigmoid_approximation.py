"""Uses the approximation x * sigmoid(1.702 x)."""
import numpy as np

EXPECTED_MISTAKE = "sigmoid_approximation"


def gelu_forward(x):
    out = x * 0.5 * (1 + np.tanh(0.5 * 1.702 * x))
    return out, x
