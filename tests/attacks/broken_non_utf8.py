"""Honest but broken: a source file saved as Latin-1 by the student's editor (café, naïve).

The test re-encodes this file to Latin-1 (bytes 0xE9, 0xEF) before grading; without a
coding declaration that is not valid Python source. Graded as a folder: this is
activations.py, next to a correct layers.py that must still pass.
"""
import numpy as np

# Notes du café: la version naïve déborde pour les grandes valeurs.


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
