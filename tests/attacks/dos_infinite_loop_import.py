"""Denial: an infinite loop at import time, so the module never finishes loading.

Graded as a folder: this is activations.py, next to a correct layers.py that must still be
graded by a fresh worker.
"""
import numpy as np

while True:
    pass


def softmax(x, axis=-1):
    return np.asarray(x)
