"""Draws a (fan_in, fan_out) matrix in float32 and returns its transpose."""
import numpy as np


def he_init(fan_in, fan_out, rng):
    w = rng.standard_normal((fan_in, fan_out), dtype=np.float32) * np.float32(np.sqrt(2.0 / fan_in))
    return np.ascontiguousarray(w.T)
