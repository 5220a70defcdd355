"""The half-angle form eta_min + (lr0 - eta_min) * cos(pi * epoch / (2 t_max))**2."""
import numpy as np


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    return eta_min + (lr0 - eta_min) * np.cos(np.pi * epoch / (2 * t_max)) ** 2
