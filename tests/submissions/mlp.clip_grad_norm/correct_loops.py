"""Python loops for the sum of squares; float32 arrays stay float32."""
import numpy as np


def clip_grad_norm(grads, max_norm):
    s = 0.0
    for g in grads:
        for v in np.ravel(g):
            s += float(v) * float(v)
    total = s ** 0.5
    coef = max_norm / total if total > max_norm else 1.0
    return [(g * g.dtype.type(coef)).astype(g.dtype) for g in grads], total
