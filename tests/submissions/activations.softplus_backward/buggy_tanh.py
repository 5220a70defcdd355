"""Uses tanh(x) as the slope of softplus."""
import numpy as np

EXPECTED_MISTAKE = "derivative_tanh"


def softplus_forward(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
    return out, x


def softplus_backward(dout, cache):
    return dout * np.tanh(cache)
