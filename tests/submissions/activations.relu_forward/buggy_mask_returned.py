"""Returns the 0/1 mask of positive entries instead of the values."""
import numpy as np

EXPECTED_MISTAKE = "mask_returned"


def relu_forward(x):
    return (x > 0).astype(x.dtype), x
