"""Uses sin instead of cos."""
import numpy as np

EXPECTED_MISTAKE = "sin_instead"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * (1 + np.sin(np.pi * epoch / t_max)) / 2
