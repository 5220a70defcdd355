"""Returns 1.0 for every constant y_true, also when the prediction is wrong."""
import numpy as np


def r2_score(y_true, y_pred):
    y_true = np.asarray(y_true, float)
    if np.ptp(y_true) == 0:
        return 1.0
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    return float(1 - ss_res / ss_tot)
