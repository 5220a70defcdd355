"""Multiplies x by the normal density phi(x) instead of the CDF Phi(x)."""
import numpy as np

EXPECTED_MISTAKE = "density_instead_of_cdf"


def gelu_forward(x):
    x = np.asarray(x, dtype=np.float64)
    return x * np.exp(-0.5 * x * x) / np.sqrt(2 * np.pi), x
