"""Casts the boxes to float32 and computes the IoU matrix in float32."""
import numpy as np


def iou(boxes1, boxes2):
    b1 = np.asarray(boxes1, dtype=np.float32).reshape(-1, 4)
    b2 = np.asarray(boxes2, dtype=np.float32).reshape(-1, 4)
    x1 = np.maximum.outer(b1[:, 0], b2[:, 0])
    y1 = np.maximum.outer(b1[:, 1], b2[:, 1])
    x2 = np.minimum.outer(b1[:, 2], b2[:, 2])
    y2 = np.minimum.outer(b1[:, 3], b2[:, 3])
    inter = np.maximum(x2 - x1, np.float32(0)) * np.maximum(y2 - y1, np.float32(0))
    a1 = (b1[:, 2] - b1[:, 0]) * (b1[:, 3] - b1[:, 1])
    a2 = (b2[:, 2] - b2[:, 0]) * (b2[:, 3] - b2[:, 1])
    union = np.add.outer(a1, a2) - inter
    safe = np.where(union > 0, union, np.float32(1))
    return np.where(union > 0, inter / safe, np.float32(0)).astype(np.float32)
