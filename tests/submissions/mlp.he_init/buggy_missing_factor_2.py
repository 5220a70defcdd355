"""Uses variance 1 / fan_in (LeCun) instead of 2 / fan_in."""
import numpy as np

EXPECTED_MISTAKE = "missing_factor_2"


def he_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_out, fan_in))
