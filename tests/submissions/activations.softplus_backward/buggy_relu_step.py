"""Uses the ReLU's step (x > 0) as the slope of softplus."""
import numpy as np

EXPECTED_MISTAKE = "derivative_relu_step"


def softplus_forward(x):
    x = np.asarray(x, dtype=np.float64)
    out = np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))
    return out, x


def softplus_backward(dout, cache):
    return dout * (cache > 0)
