"""Glorot uniform (xavier_uniform_): right variance, uniform distribution."""
import numpy as np

EXPECTED_MISTAKE = "uniform_distribution"


def xavier_init(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in))
