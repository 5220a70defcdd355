"""Scaled by the largest error (no overflow), with np.linalg.norm, in the input dtype."""
import numpy as np


def rmse(y_true, y_pred):
    e = y_true - y_pred
    return float(np.linalg.norm(e) / np.sqrt(e.size))
