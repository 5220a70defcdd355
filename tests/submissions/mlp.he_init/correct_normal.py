"""rng.normal with the standard deviation sqrt(2 / fan_in)."""
import numpy as np


def he_init(fan_in, fan_out, rng):
    return rng.normal(loc=0.0, scale=(2.0 / fan_in) ** 0.5, size=(fan_out, fan_in))
