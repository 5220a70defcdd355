"""Uses np.einsum for the matrix product."""
import numpy as np


def dense_forward(x, W, b):
    out = np.einsum("nd,md->nm", x, W) + b[None, :]
    return out, (x, W, b)
