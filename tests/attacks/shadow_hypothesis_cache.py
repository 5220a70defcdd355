"""Hijack: plant hypothesis's cache in the submission folder, for a grader run from inside it.

Hypothesis caches the constants of the grader's own modules in .hypothesis/constants/ under
the working directory, reads the cache back and draws test inputs from it. The test plants,
in this submission's folder, a cache entry for every module of the grader: half of them
fifos and links to /dev/zero (reading one hangs or exhausts the grader), the others files
of chosen constants (steering the inputs), and grades with that folder as the working
directory. The softmax is wrong (it forgets to subtract the maximum).
"""
import numpy as np


def softmax(x, axis=-1):
    e = np.exp(np.asarray(x, dtype=np.float64))
    return e / np.sum(e, axis=axis, keepdims=True)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
