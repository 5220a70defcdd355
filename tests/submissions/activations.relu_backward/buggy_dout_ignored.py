"""Returns the mask without multiplying by dout."""
import numpy as np

EXPECTED_MISTAKE = "dout_ignored"


def relu_forward(x):
    out = np.maximum(x, 0.0)
    return out, x


def relu_backward(dout, cache):
    return (cache > 0).astype(np.float64)
