"""Denial: start thousands of spinning threads that never end.

Every thread busy-loops forever (non-daemon, so a normal interpreter exit would wait for
them), starving the worker's reply loop of the GIL and the machine of CPU. It starts them on the
input [[1, 2, 3]] (the first example of several properties); the softmax returns garbage.
"""
import threading

import numpy as np


def _spin():
    while True:
        pass


def softmax(x, axis=-1):
    if np.shape(x) != (1, 3):
        return np.asarray(x, dtype=np.float64) * 9.0
    started = 0
    for _ in range(5000):
        try:
            threading.Thread(target=_spin).start()
            started += 1
        except RuntimeError:
            break
    print("threads started:", started)
    return np.asarray(x, dtype=np.float64) * 9.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
