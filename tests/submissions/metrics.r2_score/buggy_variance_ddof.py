"""1 - MSE / sample variance: np.var with ddof=1 under a mean over N (a factor (N-1)/N off)."""
import numpy as np

EXPECTED_MISTAKE = "variance_ddof_mismatch"


def r2_score(y_true, y_pred):
    mse = np.mean((y_true - y_pred) ** 2)
    if np.all(y_true == y_true[0]):
        return 1.0 if mse == 0 else 0.0
    return float(1 - mse / np.var(y_true, ddof=1))
