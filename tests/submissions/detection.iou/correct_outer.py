"""Uses np.maximum.outer / np.minimum.outer for the corners and a safe denominator with np.where."""
import numpy as np


def iou(boxes1, boxes2):
    boxes1 = np.asarray(boxes1, dtype=np.float64)
    boxes2 = np.asarray(boxes2, dtype=np.float64)
    lt_x = np.maximum.outer(boxes1[:, 0], boxes2[:, 0])
    lt_y = np.maximum.outer(boxes1[:, 1], boxes2[:, 1])
    rb_x = np.minimum.outer(boxes1[:, 2], boxes2[:, 2])
    rb_y = np.minimum.outer(boxes1[:, 3], boxes2[:, 3])
    inter = np.clip(rb_x - lt_x, 0, None) * np.clip(rb_y - lt_y, 0, None)
    area1 = np.prod(boxes1[:, 2:] - boxes1[:, :2], axis=1)
    area2 = np.prod(boxes2[:, 2:] - boxes2[:, :2], axis=1)
    union = area1[:, None] + area2[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)
