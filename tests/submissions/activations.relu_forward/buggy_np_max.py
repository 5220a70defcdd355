"""Calls np.max(x, 0), a reduction along axis 0, instead of the elementwise np.maximum."""
import numpy as np

EXPECTED_MISTAKE = "np_max_reduces"


def relu_forward(x):
    return np.max(x, 0), x
