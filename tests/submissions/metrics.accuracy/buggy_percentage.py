"""Reports accuracy as a percentage, 100 * (correct / N)."""
import numpy as np

EXPECTED_MISTAKE = "percentage_returned"


def accuracy(y_true, y_pred):
    correct = np.sum(np.asarray(y_true) == np.asarray(y_pred))
    return 100.0 * correct / len(y_true)
