"""Two passes of loops in float32 (mean, then both sums); the ss_tot == 0 test of the formula."""
import numpy as np


def r2_score(y_true, y_pred):
    f = np.float32
    t = [f(v) for v in y_true]
    p = [f(v) for v in y_pred]
    mean = f(sum(t, f(0)) / f(len(t)))
    ss_tot = sum(((a - mean) ** 2 for a in t), f(0))
    ss_res = sum(((a - b) ** 2 for a, b in zip(t, p)), f(0))
    if ss_tot == 0:
        return 1.0 if ss_res == 0 else 0.0
    return float(f(1) - ss_res / ss_tot)
