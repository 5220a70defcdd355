"""Computes Phi(x) as (1 + erf(x)) / 2, forgetting to divide x by sqrt(2)."""
import math

import numpy as np

EXPECTED_MISTAKE = "erf_argument_unscaled"


def gelu_forward(x):
    erf = np.vectorize(math.erf, otypes=[float])
    return x * 0.5 * (1 + erf(x)), x
