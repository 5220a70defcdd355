"""Takes the absolute value of the mean residual."""
import numpy as np

EXPECTED_MISTAKE = "abs_after_mean"


def mae(pred, target):
    return float(abs(np.mean(pred - target)))
