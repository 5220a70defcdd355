"""Computes exp(x) / (1 + exp(x)): inf / inf = nan for large positive x."""
import numpy as np

EXPECTED_MISTAKE = "naive_exp_overflow"


def sigmoid_forward(x):
    e = np.exp(x)
    out = e / (1 + e)
    return out, out
