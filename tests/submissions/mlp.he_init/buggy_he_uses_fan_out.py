"""Divides by fan_out instead of fan_in."""
import numpy as np

EXPECTED_MISTAKE = "he_uses_fan_out"


def he_init(fan_in, fan_out, rng):
    return rng.standard_normal((fan_out, fan_in)) * np.sqrt(2.0 / fan_out)
