"""Returns the error rate: the fraction of entries where the prediction differs."""
import numpy as np

EXPECTED_MISTAKE = "error_rate_returned"


def accuracy(y_true, y_pred):
    return float(np.mean(y_true != y_pred))
