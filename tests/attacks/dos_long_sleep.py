"""Denial: sleep for an hour inside softmax with every catchable signal blocked.

A grader without a per-call deadline, or one that relies on SIGTERM or SIGALRM to interrupt
the call, waits forever.
"""
import signal
import time


def softmax(x, axis=-1):
    signal.pthread_sigmask(signal.SIG_BLOCK, set(signal.Signals) - {signal.SIGKILL, signal.SIGSTOP})
    time.sleep(3600)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
