"""Computes the squares in float16: errors above about 256 overflow to inf."""
import numpy as np


def rmse(y_true, y_pred):
    e = (np.asarray(y_true) - np.asarray(y_pred)).astype(np.float16)
    return float(np.sqrt(np.mean(e * e, dtype=np.float64)))
