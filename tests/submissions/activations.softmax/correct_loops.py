"""Moves the axis last, flattens to rows and normalises each row in an explicit Python loop."""
import numpy as np


def softmax(x, axis=-1):
    x = np.asarray(x, dtype=np.float64)
    moved = np.moveaxis(x, axis, -1)
    shape = moved.shape
    K = shape[-1]
    n_rows = int(np.prod(shape[:-1], dtype=np.int64))
    rows = moved.reshape(n_rows, K)
    out = np.empty_like(rows)
    for r in range(rows.shape[0]):
        row = rows[r]
        if K == 0:
            continue
        m = max(row)
        exps = [float(np.exp(v - m)) for v in row]
        total = sum(exps)
        for k in range(K):
            out[r, k] = exps[k] / total
    return np.moveaxis(out.reshape(shape), -1, axis)
