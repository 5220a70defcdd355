"""Leak: a correct softmax that remembers its hidden inputs, replayed by a later exercise.

softmax is right (that exercise must pass) but records the digest and values of every input
in memory and in /tmp. dense_forward, graded afterwards, is wrong on purpose and prints the
whole stash on every call, so its failing public properties would show softmax's hidden
inputs if both exercises ran in the same worker process.
"""
import hashlib

import numpy as np

STASH = []
SPOOL = "/tmp/dlgrade-stash.txt"


def softmax(x, axis=-1):
    x = np.asarray(x)
    line = f"{hashlib.sha1(x.tobytes() + str(axis).encode()).hexdigest()[:16]} {np.array2string(x.ravel()[:6], precision=5)}"
    STASH.append(line)
    try:
        with open(SPOOL, "a") as f:
            f.write(line + "\n")
    except OSError:
        pass
    x = x.astype(np.float64)
    if x.size == 0:
        return np.zeros(x.shape)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def dense_forward(x, W, b):
    lines = list(STASH)
    try:
        with open(SPOOL) as f:
            lines += f.read().splitlines()
    except OSError:
        pass
    for line in dict.fromkeys(lines):
        print("STASH", line)
    return x @ W.T, (x, W)
