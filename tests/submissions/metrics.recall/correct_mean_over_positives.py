"""Mean of the predictions over the truly positive samples."""
import numpy as np


def recall(y_true, y_pred):
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    if not t.any():
        return 0.0
    return float(np.mean(p[t]))
