"""Uses np.std of the errors with ddof=1: subtracts the mean error and divides by N - 1 (nan at N = 1)."""
import numpy as np


def rmse(y_true, y_pred):
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.std(np.asarray(y_true, float) - np.asarray(y_pred, float), ddof=1))
