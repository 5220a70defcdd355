"""Builds normal draws from uniform ones with the Box-Muller transform."""
import numpy as np


def he_init(fan_in, fan_out, rng):
    n = fan_in * fan_out
    u1 = 1.0 - rng.random(n)
    u2 = rng.random(n)
    z = np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)
    return z.reshape(fan_out, fan_in) * np.sqrt(2.0 / fan_in)
