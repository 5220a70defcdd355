"""Uses the 1/2 convention: half the mean squared error."""
import numpy as np

EXPECTED_MISTAKE = "half_mse"


def mse(pred, target):
    return float(0.5 * np.mean((pred - target) ** 2))
