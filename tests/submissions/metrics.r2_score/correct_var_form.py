"""1 - MSE / variance with np.var (ddof=0 on both sides); constant checked with np.ptp."""
import numpy as np


def r2_score(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float64)
    mse = np.mean((t - np.asarray(y_pred, dtype=np.float64)) ** 2)
    if np.ptp(t) == 0:
        return 1.0 if mse == 0 else 0.0
    return float(1.0 - mse / np.var(t))
