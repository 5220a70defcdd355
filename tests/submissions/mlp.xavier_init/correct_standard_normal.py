"""rng.standard_normal scaled by the Glorot standard deviation."""
import numpy as np


def xavier_init(fan_in, fan_out, rng):
    return rng.standard_normal((fan_out, fan_in)) * np.sqrt(2.0 / (fan_in + fan_out))
