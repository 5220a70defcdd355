"""Honest but broken: a syntax error near the end of the file (an unclosed bracket).

Graded as a folder: this is activations.py, next to a correct layers.py that must still pass.
The report must say SyntaxError and point at the line.
"""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True)
    return e / np.sum(e, axis=axis, keepdims=True)
