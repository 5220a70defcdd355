"""Correct: divides everything by the largest magnitude first (no overflow or underflow)."""
import numpy as np


def gradient_check(analytic, numeric):
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    top = max(np.abs(a).max(), np.abs(n).max())
    if top == 0:
        return 0.0
    a, n = a / top, n / top
    return float(np.sqrt(np.sum((a - n) ** 2)) / (np.sqrt(np.sum(a * a)) + np.sqrt(np.sum(n * n))))
