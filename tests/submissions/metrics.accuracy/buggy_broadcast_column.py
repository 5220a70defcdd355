"""Reshapes y_true into a column: (N, 1) == (N,) broadcasts to an N x N table of every pair."""
import numpy as np

EXPECTED_MISTAKE = "broadcast_column"


def accuracy(y_true, y_pred):
    y_true = np.asarray(y_true).reshape(-1, 1)
    return float(np.mean(y_true == y_pred))
