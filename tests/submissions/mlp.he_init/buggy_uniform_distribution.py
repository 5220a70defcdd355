"""He uniform (kaiming_uniform_): right variance, wrong distribution."""
import numpy as np

EXPECTED_MISTAKE = "uniform_distribution"


def he_init(fan_in, fan_out, rng):
    bound = np.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))
