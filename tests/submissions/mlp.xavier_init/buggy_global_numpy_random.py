"""Draws from np.random.normal instead of rng."""
import numpy as np

EXPECTED_MISTAKE = "global_numpy_random"


def xavier_init(fan_in, fan_out, rng):
    return np.random.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_out, fan_in))
