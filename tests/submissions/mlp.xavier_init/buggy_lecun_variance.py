"""Uses the course's N(0, 1 / n_in), which is LeCun's initialisation."""
import numpy as np

EXPECTED_MISTAKE = "lecun_variance"


def xavier_init(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), size=(fan_out, fan_in))
