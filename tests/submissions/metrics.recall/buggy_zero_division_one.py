"""Returns 1.0 when there is nothing to find (no positive in y_true)."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_one"


def recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    if not t.any():
        return 1.0
    return float(np.mean(p[t]))
