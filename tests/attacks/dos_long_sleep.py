"""Denial: sleep for an hour inside softmax with every catchable signal blocked.

It sleeps on the input [[1, 2, 3]] (the first example of several properties) and returns
garbage otherwise. A grader without a per-call deadline, or one that relies on SIGTERM or
SIGALRM to interrupt the call, waits forever.
"""
import signal
import time

import numpy as np


def softmax(x, axis=-1):
    if np.shape(x) != (1, 3):
        return np.asarray(x, dtype=np.float64) * 15.0
    signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
    time.sleep(3600)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
