"""(w + w) * lam in the input's dtype."""
import numpy as np


def l2_penalty(weights, lam):
    return float(lam * sum((w.astype(np.float64) ** 2).sum() for w in weights))


def l2_grad(weights, lam):
    return [(w + w) * lam for w in weights]
