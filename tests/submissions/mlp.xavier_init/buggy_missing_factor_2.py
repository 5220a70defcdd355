"""Uses variance 1 / (fan_in + fan_out)."""
import numpy as np

EXPECTED_MISTAKE = "missing_factor_2"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(1.0 / (fan_in + fan_out)), size=(fan_out, fan_in))
