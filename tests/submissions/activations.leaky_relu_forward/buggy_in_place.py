"""Scales the negative entries of the caller's array in place (x[x < 0] *= alpha)."""
import numpy as np

EXPECTED_MISTAKE = "modifies_input"


def leaky_relu_forward(x, alpha=0.01):
    x[x < 0] *= alpha
    return x, (x, alpha)
