"""Measures the angle in degrees: cos(180 * epoch / t_max) with a radian cosine."""
import numpy as np

EXPECTED_MISTAKE = "degrees"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * (1 + np.cos(180 * epoch / t_max)) / 2
