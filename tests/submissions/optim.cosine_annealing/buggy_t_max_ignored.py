"""Leaves t_max out of the angle: cos(pi * epoch)."""
import numpy as np

EXPECTED_MISTAKE = "t_max_ignored"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * (1 + np.cos(np.pi * epoch)) / 2
