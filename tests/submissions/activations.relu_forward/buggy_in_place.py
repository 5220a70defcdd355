"""Sets the negative entries to 0 in the caller's array (x[x < 0] = 0) and returns it."""
import numpy as np

EXPECTED_MISTAKE = "modifies_input"


def relu_forward(x):
    x[x < 0] = 0
    return x, x
