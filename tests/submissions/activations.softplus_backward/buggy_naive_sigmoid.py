"""Computes the slope as exp(x) / (1 + exp(x)): inf / inf = nan for x > 709."""
import numpy as np

EXPECTED_MISTAKE = "derivative_exp_overflow"


def softplus_forward(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
    return out, x


def softplus_backward(dout, cache):
    e = np.exp(cache)
    return dout * e / (1 + e)
