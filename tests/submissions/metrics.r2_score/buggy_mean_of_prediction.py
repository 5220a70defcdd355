"""Takes SS_tot about the mean of the PREDICTIONS instead of the mean of y_true."""
import numpy as np


def r2_score(y_true, y_pred):
    y_true = np.asarray(y_true, float)
    y_pred = np.asarray(y_pred, float)
    ss_res = np.sum((y_true - y_pred) ** 2)
    if np.ptp(y_true) == 0:
        return 1.0 if ss_res == 0 else 0.0
    ss_tot = np.sum((y_true - y_pred.mean()) ** 2)
    return float(1 - ss_res / ss_tot)
