"""Draws from numpy's global generator instead of rng."""
import numpy as np

EXPECTED_MISTAKE = "global_numpy_random"


def he_init(fan_in, fan_out, rng):
    return np.random.randn(fan_out, fan_in) * np.sqrt(2.0 / fan_in)
