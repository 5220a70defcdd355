"""Casts every array to float64 first."""
import numpy as np


def l2_penalty(weights, lam):
    return lam * sum(float(np.vdot(w, w)) for w in weights)


def l2_grad(weights, lam):
    return [2.0 * lam * np.asarray(w, dtype=np.float64) for w in weights]
