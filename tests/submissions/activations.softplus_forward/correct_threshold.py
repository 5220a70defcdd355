"""torch's threshold: above 20, softplus(x) = x + log1p(exp(-x)), written x + exp(-x) (equal to
about 1e-18 relative there); below, log1p(exp(x)) with the argument clipped so it cannot overflow."""
import numpy as np


def softplus_forward(x):
    x = np.asarray(x, dtype=np.float64)
    small = np.log1p(np.exp(np.minimum(x, 20.0)))
    return np.where(x > 20.0, x + np.exp(-np.abs(x)), small), x
