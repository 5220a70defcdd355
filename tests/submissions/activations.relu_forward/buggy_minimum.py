"""Uses np.minimum instead of np.maximum: returns the negative part."""
import numpy as np

EXPECTED_MISTAKE = "min_instead_of_max"


def relu_forward(x):
    return np.minimum(x, 0.0), x
