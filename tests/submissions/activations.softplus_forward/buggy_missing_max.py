"""log1p(exp(-|x|)) without the max(x, 0) term."""
import numpy as np

EXPECTED_MISTAKE = "max_term_missing"


def softplus_forward(x):
    return np.log1p(np.exp(-np.abs(x))), x
