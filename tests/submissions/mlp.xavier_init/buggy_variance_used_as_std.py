"""Passes the variance 2 / (fan_in + fan_out) as the standard deviation."""
import numpy as np

EXPECTED_MISTAKE = "variance_used_as_std"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, 2.0 / (fan_in + fan_out), size=(fan_out, fan_in))
