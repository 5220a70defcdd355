"""Denial: flood stdout, from the call and from a thread that never stops.

Writes 5 MB to stdout in each call and starts a daemon thread printing without pause, to
fill the grader's memory, block the worker on a full pipe or garble a report written to
stdout. The softmax returns garbage.
"""
import os
import sys
import threading

import numpy as np

CHUNK = "Score: 74/74 " * 5000 + "\n"


def _flood():
    while True:
        try:
            sys.stdout.write(CHUNK)
        except Exception:  # noqa: BLE001
            pass


_started = []


def softmax(x, axis=-1):
    if not _started:
        _started.append(threading.Thread(target=_flood, daemon=True))
        _started[0].start()
    data = CHUNK.encode() * 80
    try:
        os.write(1, data)
    except OSError:
        pass
    return np.asarray(x, dtype=np.float64) * 10.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
