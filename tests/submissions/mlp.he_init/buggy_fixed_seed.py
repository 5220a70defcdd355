"""Builds its own generator with a fixed seed and ignores rng."""
import numpy as np

EXPECTED_MISTAKE = "rng_ignored"


def he_init(fan_in, fan_out, rng):
    own = np.random.default_rng(0)
    return own.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in))
