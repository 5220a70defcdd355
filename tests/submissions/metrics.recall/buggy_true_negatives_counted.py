"""Counts the agreements (TP and TN together) as hits."""
import numpy as np

EXPECTED_MISTAKE = "true_negatives_counted"


def recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    hits = np.sum(t == p)
    fn = np.sum(t & ~p)
    return float(hits / (hits + fn)) if hits + fn else 0.0
