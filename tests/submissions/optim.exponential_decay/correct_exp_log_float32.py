"""exp(epoch * log(gamma)), returned as a float32 0-d array."""
import numpy as np


def exponential_decay(lr0, epoch, gamma):
    return np.asarray(lr0 * np.exp(epoch * np.log(gamma)), dtype=np.float32)
