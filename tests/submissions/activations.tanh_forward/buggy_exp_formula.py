"""Evaluates (exp(x) - exp(-x)) / (exp(x) + exp(-x)) directly: inf / inf = nan for |x| > 710."""
import numpy as np

EXPECTED_MISTAKE = "naive_exp_overflow"


def tanh_forward(x):
    a, b = np.exp(x), np.exp(-x)
    out = (a - b) / (a + b)
    return out, out
