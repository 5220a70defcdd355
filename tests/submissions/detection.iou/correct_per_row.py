"""Loops over boxes1 and vectorises over boxes2 for each row; zero unions handled with a mask."""
import numpy as np


def iou(boxes1, boxes2):
    M = boxes2.shape[0]
    rows = np.zeros((boxes1.shape[0], M))
    a2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    for n, (x1, y1, x2, y2) in enumerate(boxes1):
        w = np.maximum(0.0, np.minimum(x2, boxes2[:, 2]) - np.maximum(x1, boxes2[:, 0]))
        h = np.maximum(0.0, np.minimum(y2, boxes2[:, 3]) - np.maximum(y1, boxes2[:, 1]))
        inter = w * h
        union = (x2 - x1) * (y2 - y1) + a2 - inter
        ok = union > 0
        rows[n, ok] = inter[ok] / union[ok]
    return rows
