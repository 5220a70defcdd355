"""Computes the angle with integer division epoch // t_max."""
import numpy as np

EXPECTED_MISTAKE = "integer_division"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * (1 + np.cos(np.pi * (epoch // t_max))) / 2
