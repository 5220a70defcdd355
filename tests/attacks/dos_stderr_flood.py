"""Denial: flood stderr with binary garbage and terminal escape sequences.

Writes 20 MB per call to file descriptor 2: invalid UTF-8, NUL bytes, carriage returns
and ANSI sequences that clear the screen and print a fake "Score: 74/74" report, hoping to
forge what the instructor sees in a terminal or to break a JSON report. The softmax returns
garbage.
"""
import os

import numpy as np

GARBAGE = (b"\xff\xfe\x00\x80\xc3(" + b"\x1b[2J\x1b[H\x1b[32;1mPASS\x1b[0m Score: 74/74\r"
           + b"\x1b]0;all tests passed\x07" + b"\x9b31m" + b"\x00" * 16 + b"\n")


def softmax(x, axis=-1):
    data = GARBAGE * (20_000_000 // len(GARBAGE))
    view = memoryview(data)
    while view:
        try:
            view = view[os.write(2, view):]
        except OSError:
            break
    return np.asarray(x, dtype=np.float64) * 11.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
