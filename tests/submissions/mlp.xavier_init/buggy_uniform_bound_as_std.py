"""Uses the uniform variant's bound sqrt(6 / (fan_in + fan_out)) as the standard deviation."""
import numpy as np

EXPECTED_MISTAKE = "uniform_bound_as_std"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(6.0 / (fan_in + fan_out)), size=(fan_out, fan_in))
