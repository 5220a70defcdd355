"""Returns the number of correct predictions instead of the fraction."""
import numpy as np

EXPECTED_MISTAKE = "count_not_fraction"


def accuracy(y_true, y_pred):
    return float(np.sum(y_true == y_pred))
