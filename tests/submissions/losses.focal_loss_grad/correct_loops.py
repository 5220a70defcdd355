"""Per sample and class with Python floats and a series near p_t = 1."""
import math

import numpy as np


def focal_loss(logits, labels, gamma=2.0):
    total = 0.0
    for i in range(logits.shape[0]):
        row = [float(v) for v in logits[i]]
        m = max(row)
        lp = row[int(labels[i])] - m - math.log(sum(math.exp(v - m) for v in row))
        total += -((-math.expm1(lp)) ** gamma) * lp
    return total / logits.shape[0]


def focal_loss_grad(logits, labels, gamma=2.0):
    n, c = logits.shape
    out = np.zeros((n, c))
    for i in range(n):
        row = [float(v) for v in logits[i]]
        m = max(row)
        lse = m + math.log(sum(math.exp(v - m) for v in row))
        y = int(labels[i])
        lp = row[y] - lse
        p, q = math.exp(lp), -math.expm1(lp)
        ratio = lp / q if q > 0 else -1.0
        factor = q ** gamma - gamma * p * q ** gamma * ratio
        for k in range(c):
            s = math.exp(row[k] - lse)
            out[i, k] = (s - (1.0 if k == y else 0.0)) * factor / n
    return out
