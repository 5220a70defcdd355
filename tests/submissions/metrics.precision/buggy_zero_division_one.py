"""Returns 1.0 (no false positive, so 'perfect') when nothing is predicted positive."""
import numpy as np

EXPECTED_MISTAKE = "zero_division_one"


def precision(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    predicted = int(p.sum())
    if predicted == 0:
        return 1.0
    return int((t & p).sum()) / predicted
