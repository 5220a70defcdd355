"""Copies param, then subtracts in place on the copy with np.subtract(out=)."""
import numpy as np


def sgd_step(param, grad, lr=0.01):
    new = np.array(param, copy=True)
    np.subtract(new, np.multiply(grad, lr), out=new, casting="unsafe")
    return new
