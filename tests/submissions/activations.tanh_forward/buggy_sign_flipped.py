"""Swaps the exponentials in the numerator: (exp(-x) - exp(x)) / (exp(x) + exp(-x)) = -tanh(x)."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def tanh_forward(x):
    e = np.exp(-2 * np.abs(x))
    out = -np.sign(x) * (1 - e) / (1 + e)
    return out, out
