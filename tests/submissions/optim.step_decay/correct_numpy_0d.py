"""np.power with np.floor, returned as a 0-d float64 array."""
import numpy as np


def step_decay(lr0, epoch, step_size, gamma=0.1):
    return np.asarray(lr0 * np.power(gamma, np.floor(epoch / step_size)), dtype=np.float64)
