"""Reads each box as (x1, x2, y1, y2) instead of (x1, y1, x2, y2)."""
import numpy as np

EXPECTED_MISTAKE = "coordinates_swapped"


def iou(boxes1, boxes2):
    x1a, x2a, y1a, y2a = boxes1[:, 0], boxes1[:, 1], boxes1[:, 2], boxes1[:, 3]
    x1b, x2b, y1b, y2b = boxes2[:, 0], boxes2[:, 1], boxes2[:, 2], boxes2[:, 3]
    iw = np.clip(np.minimum(x2a[:, None], x2b[None]) - np.maximum(x1a[:, None], x1b[None]), 0, None)
    ih = np.clip(np.minimum(y2a[:, None], y2b[None]) - np.maximum(y1a[:, None], y1b[None]), 0, None)
    inter = iw * ih
    a1 = (x2a - x1a) * (y2a - y1a)
    a2 = (x2b - x1b) * (y2b - y1b)
    union = a1[:, None] + a2[None, :] - inter
    out = np.zeros(inter.shape)
    np.divide(inter, union, out=out, where=union != 0)
    return out
