"""Builds the matrix with a nested list comprehension: N == 0 gives shape (0,) instead of (0, M)."""
import numpy as np


def _pair(a, b):
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def iou(boxes1, boxes2):
    return np.array([[_pair(a, b) for b in boxes2] for a in boxes1], dtype=np.float64)
