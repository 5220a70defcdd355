"""A Python loop with math.fabs and max()."""
import math
import sys


def mape(y_true, y_pred):
    eps = sys.float_info.epsilon
    total = 0.0
    for a, b in zip(y_true.tolist(), y_pred.tolist()):
        total += math.fabs(a - b) / max(math.fabs(a), eps)
    return total / len(y_true)
