"""sign(x) * (1 - exp(-2|x|)) / (1 + exp(-2|x|)): only non-positive exponents, with expm1 near 0."""
import numpy as np


def tanh_forward(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.expm1(-2 * np.abs(x))  # exp(-2|x|) - 1, accurate for tiny x
    out = -np.sign(x) * e / (2 + e)
    return out, out
