"""Draws float32 normals and scales them in float32."""
import numpy as np


def xavier_init(fan_in, fan_out, rng):
    std = np.float32(np.sqrt(2.0 / (fan_in + fan_out)))
    return rng.standard_normal(size=(fan_out, fan_in), dtype=np.float32) * std
