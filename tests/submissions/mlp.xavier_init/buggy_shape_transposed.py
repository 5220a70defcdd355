"""Returns a matrix of shape (fan_in, fan_out)."""
import numpy as np

EXPECTED_MISTAKE = "shape_transposed"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))
