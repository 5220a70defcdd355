"""np.cos in float64, weights on lr0 and eta_min, returned as a Python float."""
import numpy as np


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    w = 0.5 * (1.0 + np.cos(np.pi * epoch / t_max))
    return float(w * lr0 + (1.0 - w) * eta_min)
