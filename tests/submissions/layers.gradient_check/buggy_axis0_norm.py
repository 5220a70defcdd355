"""Takes norms along axis 0 and returns the largest column error: right only for 1-d arrays."""
import numpy as np


def gradient_check(analytic, numeric):
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    num = np.sqrt(np.sum((a - n) ** 2, axis=0))
    den = np.sqrt(np.sum(a ** 2, axis=0)) + np.sqrt(np.sum(n ** 2, axis=0))
    return float(np.max(np.where(den == 0, 0.0, num / np.where(den == 0, 1.0, den))))
