"""Rounds epoch / step_size up."""
import numpy as np

EXPECTED_MISTAKE = "ceil_instead_of_floor"


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return lr0 * gamma ** np.ceil(epoch / step_size)
