"""Counts every agreement (TP and TN) as a true positive: tp = sum(y_true == y_pred)."""
import numpy as np

EXPECTED_MISTAKE = "true_negatives_counted"


def precision(y_true, y_pred):
    y_true = np.asarray(y_true).astype(int)
    y_pred = np.asarray(y_pred).astype(int)
    tp = np.sum(y_true == y_pred)
    fp = np.sum((y_true == 0) & (y_pred == 1))
    if tp + fp == 0:
        return 0.0
    return float(tp / (tp + fp))
