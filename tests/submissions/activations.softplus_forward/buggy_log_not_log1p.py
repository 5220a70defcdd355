"""max(x, 0) + log(1 + exp(-|x|)): no overflow, but 0 instead of exp(x) for x < -37."""
import numpy as np

EXPECTED_MISTAKE = "log_without_log1p"


def softplus_forward(x):
    return np.maximum(x, 0) + np.log(1 + np.exp(-np.abs(x))), x
