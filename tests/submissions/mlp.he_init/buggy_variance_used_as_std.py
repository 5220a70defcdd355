"""Passes the variance 2 / fan_in as the standard deviation."""
import numpy as np

EXPECTED_MISTAKE = "variance_used_as_std"


def he_init(fan_in, fan_out, rng):
    return rng.normal(0.0, 2.0 / fan_in, size=(fan_out, fan_in))
