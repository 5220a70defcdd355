"""Uses the continuous form lr0 * exp(-gamma * epoch)."""
import numpy as np

EXPECTED_MISTAKE = "continuous_exp"


def exponential_decay(lr0, epoch, gamma):
    return lr0 * np.exp(-gamma * epoch)
