"""Leak: print every input the hidden tests send, hoping the report shows student output.

Each call prints the input's digest (sha1 of its bytes and the axis, as "SEEN <digest>"),
shape, axis and values. The softmax is right except on 3-d inputs of more than 20 entries,
so the hidden property explores many hidden inputs before it fails. Output printed while a
hidden property runs must never reach the student's report; the instructor's view shows it.
"""
import hashlib

import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x)
    digest = hashlib.sha1(x.tobytes() + str(axis).encode()).hexdigest()[:16]
    print(f"SEEN {digest} shape={x.shape} axis={axis} values={np.array2string(x.ravel()[:12], precision=6)}")
    x = x.astype(np.float64)
    if x.ndim == 3 and x.size > 20:
        return x * 2.0
    if x.size == 0:
        return np.zeros(x.shape)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
