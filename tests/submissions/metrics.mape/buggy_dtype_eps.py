"""Uses the machine epsilon of the input dtype: float32 inputs get eps = 1.2e-7 instead of 2.2e-16."""
import numpy as np

EXPECTED_MISTAKE = "wrong_eps"


def mape(y_true, y_pred):
    eps = np.finfo(y_true.dtype).eps
    return float(np.mean(np.abs(y_true - y_pred) / np.maximum(np.abs(y_true), eps)))
