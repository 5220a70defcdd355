"""x * slope with slope = 1 where x > 0 and alpha elsewhere, in the input's precision."""
import numpy as np


def leaky_relu_forward(x, alpha=0.01):
    pos = x > 0
    slope = pos + alpha * ~pos
    return (x * slope).astype(x.dtype), (pos, alpha)
