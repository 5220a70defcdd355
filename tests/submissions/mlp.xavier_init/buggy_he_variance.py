"""Uses He's variance 2 / fan_in."""
import numpy as np

EXPECTED_MISTAKE = "he_variance"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_out, fan_in))
