"""Adds eta_min to the full lr0 cosine term: eta_min + lr0 * (1 + cos) / 2."""
import numpy as np

EXPECTED_MISTAKE = "eta_min_wrong"


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + lr0 * (1 + np.cos(np.pi * epoch / t_max)) / 2
