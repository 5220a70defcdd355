"""Caches the output: sigmoid(x) = 1 - exp(-softplus(x)), computed as -expm1(-out)."""
import numpy as np


def softplus_forward(x):
    out = np.logaddexp(0.0, np.asarray(x, dtype=np.float64))
    return out, out


def softplus_backward(dout, cache):
    return dout * -np.expm1(-cache)
