"""Uses np.std of the errors, which subtracts their mean: a constant offset is not counted."""
import numpy as np

EXPECTED_MISTAKE = "std_of_errors"


def rmse(y_true, y_pred):
    return float(np.std(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)))
