"""Forgets the factor 1/2."""
import numpy as np

EXPECTED_MISTAKE = "missing_half"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * (1 + np.cos(np.pi * epoch / t_max))
