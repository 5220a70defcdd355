"""|x| + log1p(exp(-|x|)): the first term should be max(x, 0)."""
import numpy as np

EXPECTED_MISTAKE = "abs_instead_of_max"


def softplus_forward(x):
    return np.abs(x) + np.log1p(np.exp(-np.abs(x))), x
