"""log(1 + exp(x)) as written: inf for x > 709 (88 in float32)."""
import numpy as np

EXPECTED_MISTAKE = "naive_overflow"


def softplus_forward(x):
    return np.log(1 + np.exp(x)), x
