"""Stays at eta_min after t_max (clamps the epoch)."""
import numpy as np

EXPECTED_MISTAKE = "clamped_after_t_max"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    e = min(epoch, t_max)
    return eta_min + (lr0 - eta_min) * (1 + np.cos(np.pi * e / t_max)) / 2
