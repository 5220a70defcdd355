"""No special case for a constant y_true: SS_tot == 0 gives nan (perfect) or -inf."""
import numpy as np

EXPECTED_MISTAKE = "constant_true_not_handled"


def r2_score(y_true, y_pred):
    ss_res = np.sum((y_true - y_pred) ** 2, dtype=np.float64)
    ss_tot = np.sum((y_true - np.mean(y_true)) ** 2, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(1 - ss_res / ss_tot)
