"""Returns the fraction of agreeing labels (the accuracy)."""
import numpy as np

EXPECTED_MISTAKE = "accuracy_returned"


def f1_score(y_true, y_pred):
    return float(np.mean((np.asarray(y_true) == 1) == (np.asarray(y_pred) == 1)))
