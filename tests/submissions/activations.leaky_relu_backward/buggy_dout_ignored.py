"""Returns the slopes (1 or alpha) without multiplying by dout."""
import numpy as np

EXPECTED_MISTAKE = "dout_ignored"


def leaky_relu_forward(x, alpha=0.01):
    out = np.where(x > 0, x, alpha * x)
    return out, (x, alpha)


def leaky_relu_backward(dout, cache):
    x, alpha = cache
    return np.where(x > 0, 1.0, alpha)
