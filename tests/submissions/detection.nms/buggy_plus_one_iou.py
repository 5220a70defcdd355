"""Copies the old pixel-based NMS code with +1 in widths, heights and areas: IoUs are inflated, so borderline boxes get suppressed."""
import numpy as np


def nms(boxes, scores, iou_threshold):
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1 + 1) * (y2 - y1 + 1)
    order = np.argsort(-scores, kind="mergesort")
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        w = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]) + 1)
        h = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]) + 1)
        inter = w * h
        union = areas[i] + areas[rest] - inter
        ov = np.zeros(rest.shape)
        np.divide(inter, union, out=ov, where=union > 0)
        order = rest[ov <= iou_threshold]
    return np.array(keep, dtype=np.int64)
