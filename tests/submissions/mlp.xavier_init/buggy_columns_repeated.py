"""Draws one column and broadcasts it over the inputs."""
import numpy as np

EXPECTED_MISTAKE = "rows_repeated"


def xavier_init(fan_in, fan_out, rng):
    col = rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_out, 1))
    return col * np.ones((1, fan_in))
