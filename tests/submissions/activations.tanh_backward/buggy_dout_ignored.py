"""Returns the local derivative 1 - out**2 without multiplying by dout."""
import numpy as np

EXPECTED_MISTAKE = "dout_ignored"


def tanh_forward(x):
    out = np.tanh(np.asarray(x, dtype=np.float64))
    return out, out


def tanh_backward(dout, cache):
    return 1 - cache ** 2
