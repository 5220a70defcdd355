"""Correct: sums of squares accumulated in a Python loop, in the inputs' own dtype (float32 stays
float32), returned as a 0-d array."""
import math

import numpy as np


def gradient_check(analytic, numeric):
    diff = 0.0
    sa = 0.0
    sn = 0.0
    for p, q in zip(analytic.flat, numeric.flat):
        diff += (p - q) * (p - q)
        sa += p * p
        sn += q * q
    den = math.sqrt(sa) + math.sqrt(sn)
    return np.array(0.0 if den == 0 else math.sqrt(diff) / den, dtype=analytic.dtype)
