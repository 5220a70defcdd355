"""Errors in the input precision, then a loop accumulating their squares in float32; float32 0-d result."""
import numpy as np


def rmse(y_true, y_pred):
    total = np.float32(0.0)
    for e in (y_true - y_pred).astype(np.float32):
        total += e * e
    return np.array(np.sqrt(total / np.float32(len(y_true))), dtype=np.float32)
