"""Denial: close every file descriptor from 0 to 255 inside softmax.

The worker loses its request and reply pipes, stdout and stderr; a grader that waits for
a reply without a deadline, or that reads a half-closed pipe carelessly, hangs or crashes.
"""
import os


def softmax(x, axis=-1):
    os.closerange(0, 256)
    return x


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
