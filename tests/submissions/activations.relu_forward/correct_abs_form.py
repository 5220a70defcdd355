"""(x + |x|) / 2, which is x for x > 0 and 0 otherwise."""
import numpy as np


def relu_forward(x):
    return (x + np.abs(x)) / 2, x
