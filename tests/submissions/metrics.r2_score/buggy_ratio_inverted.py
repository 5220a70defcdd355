"""Puts the sums of squares the wrong way round: 1 - SS_tot / SS_res."""
import numpy as np

EXPECTED_MISTAKE = "ratio_inverted"


def r2_score(y_true, y_pred):
    y_true = np.asarray(y_true, float)
    y_pred = np.asarray(y_pred, float)
    ss_res = np.sum((y_true - y_pred) ** 2)
    ss_tot = np.sum((y_true - y_true.mean()) ** 2)
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    with np.errstate(divide="ignore"):
        return float(1 - ss_tot / ss_res)
