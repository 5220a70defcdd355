"""Takes the root of each squared error before averaging: that is the mean absolute error."""
import numpy as np

EXPECTED_MISTAKE = "mae_returned"


def rmse(y_true, y_pred):
    return float(np.mean(np.sqrt((y_true - y_pred) ** 2)))
