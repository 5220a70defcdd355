"""Takes the square root of the sum of squared errors (the L2 norm of the errors), no mean."""
import numpy as np

EXPECTED_MISTAKE = "sqrt_of_sum"


def rmse(y_true, y_pred):
    return float(np.linalg.norm(y_true - y_pred))
