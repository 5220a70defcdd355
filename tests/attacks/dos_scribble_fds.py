"""Denial and forgery: scribble garbage and forged frames on every file descriptor.

Writes random bytes, a truncated DLG1 prefix, a frame with a JSON header that is not an
object, a frame answering a request that was never sent, and a pickle to every descriptor
from 0 to 63, then points stdout at the reply pipe (dup2) and prints a fake frame. The
grader must treat the reply channel as broken, never as an answer.
"""
import json
import os
import pickle
import struct
import sys

import numpy as np

FD_OUT = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 4


def _frame(header):
    head = json.dumps(header).encode()
    return struct.pack("<4sIQ", b"DLG1", len(head), 0) + head


def softmax(x, axis=-1):
    junk = [os.urandom(64), b"DLG1\x05", _frame([1, 2, 3]), _frame({"id": 999999, "ok": True}),
            struct.pack("<4sIQ", b"DLG1", 2, 0) + b"{}", pickle.dumps({"score": 74})]
    for fd in range(64):
        for chunk in junk:
            try:
                os.write(fd, chunk)
            except OSError:
                pass
    try:
        os.dup2(FD_OUT, 1)
        print('DLG1{"id": 1, "ok": true, "passed": true}', flush=True)
    except OSError:
        pass
    return np.asarray(x, dtype=np.float64) * 13.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
