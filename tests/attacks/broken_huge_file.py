"""Honest but broken: a 20 MB module (pasted training logs and a giant literal) with a wrong softmax.

The test pads this file with 20 MB of comment lines and a 300 000-element list literal before
grading. The grader must neither choke on it nor take longer than its time limits. The softmax
forgets to subtract the maximum (it overflows on large logits).
"""
import numpy as np

# @@PADDING@@


def softmax(x, axis=-1):
    e = np.exp(np.asarray(x, dtype=np.float64))
    return e / np.sum(e, axis=axis, keepdims=True)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
