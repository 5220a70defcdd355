"""Forgets the minus sign: 1 / (1 + exp(x)), written with the stable two-branch form."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def sigmoid_forward(x):
    z = np.exp(-np.abs(x))
    out = np.where(x >= 0, z / (1 + z), 1 / (1 + z))
    return out, out
