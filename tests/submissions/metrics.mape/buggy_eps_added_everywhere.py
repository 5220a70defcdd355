"""Adds 1e-8 to every denominator 'for safety': zero targets give |y_pred| / 1e-8, not / eps."""
import numpy as np


def mape(y_true, y_pred):
    return float(np.mean(np.abs(y_true - y_pred) / (np.abs(y_true) + 1e-8)))
