"""Redraws entries beyond 2 standard deviations (a truncated normal)."""
import numpy as np


def he_init(fan_in, fan_out, rng):
    std = np.sqrt(2.0 / fan_in)
    w = rng.standard_normal((fan_out, fan_in))
    bad = np.abs(w) > 2
    while bad.any():
        w[bad] = rng.standard_normal(bad.sum())
        bad = np.abs(w) > 2
    return w * std
