"""Draws one row of weights and repeats it for every output unit."""
import numpy as np

EXPECTED_MISTAKE = "rows_repeated"


def he_init(fan_in, fan_out, rng):
    row = rng.normal(0.0, np.sqrt(2.0 / fan_in), size=fan_in)
    return np.tile(row, (fan_out, 1))
