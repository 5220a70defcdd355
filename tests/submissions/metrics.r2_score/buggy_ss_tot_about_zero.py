"""Takes SS_tot as the sum of y_true**2 (deviations from 0, not from the mean)."""
import numpy as np

EXPECTED_MISTAKE = "ss_tot_about_zero"


def r2_score(y_true, y_pred):
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum(y_true ** 2)
    if np.all(y_true == y_true[0]):
        return 1.0 if ss_res == 0 else 0.0
    return float(1 - ss_res / ss_tot)
